// A session token stops counting when it is signed out, when its user signs out everywhere, and when the user's
// store is deactivated; a deactivated store's owner may read but not change anything; a consumer whose pay later
// is suspended keeps the account.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { first } from "@/db/query";
import * as s from "@/db/schema";
import { appRouter } from "@/server/api/root";
import { authenticate } from "@/server/auth/authenticate";
import { endAllSessions, revokeSession, sessionIsCurrent, type SessionClaims } from "@/server/auth/revocation";
import { callerAs, seededDb, userId } from "./helpers";

const PASSWORD = "houfu-demo-2026";
const WEEK = 7 * 24 * 60 * 60 * 1000;
let sessions = 0;

/** What next-auth's jwt callback puts in a new token (server/auth/options.ts): the user, the version it was issued under, its own id. */
async function signInClaims(db: Awaited<ReturnType<typeof seededDb>>["db"], clock: Awaited<ReturnType<typeof seededDb>>["clock"], email: string) {
  const outcome = await authenticate(db, clock, { email, password: PASSWORD, address: "203.0.113.7" });
  if (!outcome.ok) throw new Error(`${email} could not sign in: ${outcome.reason}`);
  return { uid: outcome.user.id, sv: outcome.user.sessionVersion, sid: `session-${++sessions}` } satisfies SessionClaims;
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; domainCode?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause as { code?: string } | undefined;
    return { code: error.code, domainCode: cause?.code, message: error.message };
  }
  throw new Error("expected a refusal");
}

describe("revoking session tokens", () => {
  it("signing out ends that token, a copy of it included, and leaves the user's other sessions alone", async () => {
    const { db, clock } = await seededDb();
    const laptop = await signInClaims(db, clock, "alice@example.com");
    const phone = await signInClaims(db, clock, "alice@example.com");
    expect(await sessionIsCurrent(db, laptop)).toBe(true);

    await revokeSession(db, clock, { sessionId: laptop.sid, userId: laptop.uid, expiresAt: new Date(clock.now().getTime() + WEEK) });
    expect(await sessionIsCurrent(db, { ...laptop })).toBe(false);
    expect(await sessionIsCurrent(db, phone)).toBe(true);
    // Signing out twice is harmless.
    await revokeSession(db, clock, { sessionId: laptop.sid, userId: laptop.uid, expiresAt: new Date(clock.now().getTime() + WEEK) });
  });

  it("forgets revoked tokens once they would have expired anyway", async () => {
    const { db, clock } = await seededDb();
    const old = await signInClaims(db, clock, "bob@example.com");
    await revokeSession(db, clock, { sessionId: old.sid, userId: old.uid, expiresAt: new Date(clock.now().getTime() + WEEK) });
    clock.advanceDays(8);
    const recent = await signInClaims(db, clock, "bob@example.com");
    await revokeSession(db, clock, { sessionId: recent.sid, userId: recent.uid, expiresAt: new Date(clock.now().getTime() + WEEK) });
    const left = await db.select({ id: s.revokedSessions.sessionId }).from(s.revokedSessions);
    expect(left).toEqual([{ id: recent.sid }]);
  });

  it("signing out everywhere ends every token of the user and no one else's; a new sign-in works", async () => {
    const { db, clock } = await seededDb();
    const laptop = await signInClaims(db, clock, "alice@example.com");
    const phone = await signInClaims(db, clock, "alice@example.com");
    const bob = await signInClaims(db, clock, "bob@example.com");
    await endAllSessions(db, laptop.uid);
    expect(await sessionIsCurrent(db, laptop)).toBe(false);
    expect(await sessionIsCurrent(db, phone)).toBe(false);
    expect(await sessionIsCurrent(db, bob)).toBe(true);
    expect(await sessionIsCurrent(db, await signInClaims(db, clock, "alice@example.com"))).toBe(true);
  });

  it("refuses a token that carries no version or id (issued before revocation existed) or names no user", async () => {
    const { db } = await seededDb();
    const alice = await userId(db, "alice@example.com");
    expect(await sessionIsCurrent(db, { uid: alice })).toBe(false);
    expect(await sessionIsCurrent(db, { uid: alice, sv: 0 })).toBe(false);
    expect(await sessionIsCurrent(db, { uid: 99_999, sv: 0, sid: "x" })).toBe(false);
  });
});

describe("a deactivated store", () => {
  type AnyProcedure = { _def: { type: string } };
  const merchantProcedures = Object.entries((appRouter._def as unknown as { procedures: Record<string, AnyProcedure> }).procedures).filter(([path]) =>
    path.startsWith("merchant."),
  );
  const call = (caller: unknown, path: string, input: unknown) =>
    (path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>)(input);

  async function deactivated() {
    const { db, clock } = await seededDb();
    const before = await signInClaims(db, clock, "shop@example.com");
    const store = (await first(db.select().from(s.stores).where(eq(s.stores.slug, "lumen-electronics"))))!;
    await (await callerAs(db, clock, "admin@example.com")).admin.setStoreActive({ storeId: store.id, active: false });
    return { db, clock, before, store };
  }

  it("ends its owner's sessions; the owner can sign in again", async () => {
    const { db, clock, before } = await deactivated();
    expect(await sessionIsCurrent(db, before)).toBe(false);
    expect(await sessionIsCurrent(db, await signInClaims(db, clock, "shop@example.com"))).toBe(true);
  });

  it("refuses every mutation of the merchant router with a clear error, and still answers every query", async () => {
    const { db, clock } = await deactivated();
    const shop = await callerAs(db, clock, "shop@example.com");
    const mutations = merchantProcedures.filter(([, p]) => p._def.type === "mutation").map(([path]) => path);
    expect(mutations).toEqual(
      expect.arrayContaining(["merchant.updateSettings", "merchant.products.create", "merchant.orders.ship", "merchant.orders.refund"]),
    );
    for (const path of mutations) {
      const refused = await refusal(call(shop, path, {}));
      expect([path, refused.code, refused.domainCode]).toEqual([path, "FORBIDDEN", "STORE_READ_ONLY"]);
      expect(refused.message).toContain("Your store has been deactivated");
    }
    // A valid change is refused too, and changes nothing.
    const product = (await first(db.select().from(s.products).where(eq(s.products.active, true)).limit(1)))!;
    await refusal(shop.merchant.products.setActive({ productId: product.id, active: false }));
    expect((await first(db.select({ active: s.products.active }).from(s.products).where(eq(s.products.id, product.id))))!.active).toBe(true);

    expect(await shop.merchant.settings()).toMatchObject({ name: "Lumen Electronics" });
    expect((await shop.merchant.orders.list({})).items.length).toBeGreaterThan(0);
    expect(await shop.merchant.receivables.summary()).toBeTruthy();
    expect(await shop.merchant.overview()).toBeTruthy();
  });

  it("becomes writable again once reactivated", async () => {
    const { db, clock, store } = await deactivated();
    await (await callerAs(db, clock, "admin@example.com")).admin.setStoreActive({ storeId: store.id, active: true });
    const shop = await callerAs(db, clock, "shop@example.com");
    const product = (await first(
      db
        .select()
        .from(s.products)
        .where(and(eq(s.products.storeId, store.id), eq(s.products.active, true)))
        .limit(1),
    ))!;
    await shop.merchant.products.setActive({ productId: product.id, active: false });
  });

  it("leaves other merchants alone", async () => {
    const { db, clock } = await deactivated();
    const tea = await signInClaims(db, clock, "tea@example.com");
    expect(await sessionIsCurrent(db, tea)).toBe(true);
    const teaCaller = await callerAs(db, clock, "tea@example.com");
    const product = (await first(
      db.select().from(s.products).innerJoin(s.stores, eq(s.stores.id, s.products.storeId)).where(eq(s.stores.slug, "cloud-tea-house")).limit(1),
    ))!;
    await teaCaller.merchant.products.setActive({ productId: product.products.id, active: false });
  });
});

describe("a consumer whose pay later is suspended keeps the account", () => {
  it("dave (suspended for an overdue instalment) signs in and repays", async () => {
    const { db, clock } = await seededDb();
    const claims = await signInClaims(db, clock, "dave@example.com");
    expect(await sessionIsCurrent(db, claims)).toBe(true);
    const dave = await callerAs(db, clock, "dave@example.com");
    expect((await dave.credit.summary()).payLaterStatus).toBe("suspended");
    const bill = (await first(
      db
        .select()
        .from(s.bills)
        .where(and(eq(s.bills.consumerId, claims.uid), eq(s.bills.status, "open")))
        .limit(1),
    ))!;
    const paid = await dave.bills.repay({ billId: bill.id, amountFen: 100, cardNumber: "4242 4242 4242 4242", idempotencyKey: "suspended-repays-1" });
    expect(paid).toBeTruthy();
  });

  it("an admin's suspension does not end the consumer's sessions", async () => {
    const { db, clock } = await seededDb();
    const claims = await signInClaims(db, clock, "alice@example.com");
    await (await callerAs(db, clock, "admin@example.com")).admin.suspendPayLater({ consumerId: claims.uid, reason: "Suspected fraud, under review" });
    expect(await sessionIsCurrent(db, claims)).toBe(true);
    expect(await sessionIsCurrent(db, await signInClaims(db, clock, "alice@example.com"))).toBe(true);
    const alice = await callerAs(db, clock, "alice@example.com");
    expect((await alice.credit.summary()).payLaterStatus).toBe("suspended");
    expect((await alice.bills.list()).bills.length).toBeGreaterThan(0);
  });
});
