// Inputs from the pen test that used to end in a 500: each is now a 4xx with a message a person understands.
import { describe, expect, it } from "vitest";
import type { TRPCError } from "@trpc/server";
import { isForeignOrigin } from "@/server/auth/same-origin";
import { callerAs, seededDb, userId } from "./helpers";

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: TRPCError) => ({ code: e.code, domainCode: (e.cause as { code?: string } | undefined)?.code, message: e.message }),
  );

describe("forged page cursors", () => {
  it.each(["9999999999999999.1", "-9999999999999999.1", "1.99999999999", "1e9.1", "NaN.1", "1.-1", "..", "0.0.0"])(
    "merchant.receivables.overdue refuses %j as a bad request",
    async (cursor) => {
      const { db, clock } = await seededDb();
      const shop = await callerAs(db, clock, "shop@example.com");
      for (const sort of ["days", "amount"] as const) {
        const outcome = await refusal(shop.merchant.receivables.overdue({ sort, dir: "desc", limit: 5, cursor }));
        expect(outcome?.code, `${sort} ${cursor}`).toBe("BAD_REQUEST");
      }
      const outcome = await refusal(shop.merchant.receivables.overdue({ sort: "days", dir: "asc", limit: 5, cursor: "9999999999999999.1" }));
      expect(outcome).toMatchObject({ code: "BAD_REQUEST", domainCode: "INVALID_CURSOR", message: expect.stringContaining("page link") });
    },
  );
});

describe("every list's cursor", () => {
  it("is refused as INVALID_CURSOR when this app did not make it, on every list", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const shop = await callerAs(db, clock, "shop@example.com");
    const admin = await callerAs(db, clock, "admin@example.com");
    const lists: [string, (cursor: string) => Promise<unknown>][] = [
      ["notifications.list", (cursor) => alice.notifications.list({ cursor, limit: 5 })],
      ["shop.orders", (cursor) => alice.shop.orders({ cursor, limit: 5 })],
      ["credit.events", (cursor) => alice.credit.events({ cursor, limit: 5 })],
      ["merchant.products.list", (cursor) => shop.merchant.products.list({ cursor, limit: 5 })],
      ["merchant.orders.list", (cursor) => shop.merchant.orders.list({ sort: "date", dir: "desc", cursor, limit: 5 })],
      ["merchant.receivables.overdue", (cursor) => shop.merchant.receivables.overdue({ sort: "days", dir: "desc", cursor, limit: 5 })],
      ["admin.consumers", (cursor) => admin.admin.consumers({ cursor, limit: 5 })],
      ["admin.audit", (cursor) => admin.admin.audit({ cursor, limit: 5 })],
    ];
    for (const [name, list] of lists)
      for (const cursor of ["x", "-1.1", "0", "2147483648", "9999999999999999.1", "1.2.3"])
        expect(await refusal(list(cursor)), `${name} ${cursor}`).toMatchObject({ code: "BAD_REQUEST", domainCode: "INVALID_CURSOR" });
  });
});

describe("the Origin check", () => {
  const headers = (values: Record<string, string>) => new Headers(values);
  it("accepts the app's own origin and requests without one", () => {
    expect(isForeignOrigin(headers({ host: "shop.example", origin: "https://shop.example" }))).toBe(false);
    expect(isForeignOrigin(headers({ host: "shop.example" }))).toBe(false);
  });
  it("refuses another host, a malformed origin, and 'null'", () => {
    expect(isForeignOrigin(headers({ host: "shop.example", origin: "https://evil.example" }))).toBe(true);
    expect(isForeignOrigin(headers({ host: "shop.example", origin: "null" }))).toBe(true);
    expect(isForeignOrigin(headers({ host: "shop.example", origin: "https://shop.example.evil.example" }))).toBe(true);
  });
});

describe("sign-up passwords", () => {
  it.each([
    ["Password123", "nora@example.com", "one of the first that attackers try"],
    ["1234567890", "nora@example.com", "one of the first that attackers try"],
    ["nora.qian@example.com", "Nora.Qian@example.com", "must not be your email address"],
  ])("refuses %j for %s and says why", async (password, email, why) => {
    const { db, clock } = await seededDb();
    const anon = await callerAs(db, clock, null);
    const error = (await anon.account.signUp({ name: "Nora", email, password }).catch((e: TRPCError) => e)) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(error.cause)).toContain(why);
  });

  it("accepts an uncommon password", async () => {
    const { db, clock } = await seededDb();
    const anon = await callerAs(db, clock, null);
    await expect(anon.account.signUp({ name: "Nora", email: "nora@example.com", password: "lantern-oolong-tide" })).resolves.toMatchObject({
      userId: expect.any(Number),
    });
  });
});

describe("text no engine can store", () => {
  // Found by the fuzz suite on PostgreSQL: a NUL or an unpaired surrogate in a reason made the insert fail (a 500).
  it.each(["late\u0000fee", "\ud800", "ok \udfff"])("is refused as a bad request, writing nothing: %j", async (reason) => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const consumerId = await userId(db, "carol@example.com");
    const before = await admin.admin.consumer({ consumerId });
    const outcome = await refusal(admin.admin.adjustScore({ consumerId, delta: 10, reason }));
    expect(outcome).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("cannot be saved") });
    expect(await admin.admin.consumer({ consumerId })).toEqual(before);
  });
});
