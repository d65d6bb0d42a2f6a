import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { creditProfiles, notifications, stores, users } from "@/db/schema";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { localDate } from "@/server/calendar";
import { instalmentStanding, instalmentStatus, agingBucket } from "@/server/domain/instalments";
import { instalments } from "@/db/schema";
import { verifyPassword } from "@/server/auth/password";
import { DEMO_PASSWORD } from "@/scripts/seed/demo";
import { first, row } from "@/db/query";
import { tableNames } from "./digest";
import { callerAs, seededDb, SEED_NOW, userId } from "./helpers";
import { codeOf } from "./fixtures";

describe("role guards on the procedure bases", () => {
  it("lets each role reach its own area and refuses the others", async () => {
    const { db, clock } = await seededDb();
    const anon = await callerAs(db, clock, null);
    const consumer = await callerAs(db, clock, "alice@example.com");
    const merchant = await callerAs(db, clock, "shop@example.com");
    const admin = await callerAs(db, clock, "admin@example.com");

    expect(await codeOf(anon.credit.summary())).toBe("UNAUTHORIZED");
    expect(await codeOf(anon.merchant.overview())).toBe("UNAUTHORIZED");
    expect(await codeOf(anon.admin.overview())).toBe("UNAUTHORIZED");
    expect(await codeOf(anon.catalog.stores())).toBe("OK");

    expect(await codeOf(consumer.credit.summary())).toBe("OK");
    expect(await codeOf(consumer.merchant.overview())).toBe("FORBIDDEN");
    expect(await codeOf(consumer.admin.overview())).toBe("FORBIDDEN");

    expect(await codeOf(merchant.merchant.overview())).toBe("OK");
    expect(await codeOf(merchant.credit.summary())).toBe("FORBIDDEN");
    expect(await codeOf(merchant.admin.overview())).toBe("FORBIDDEN");

    expect(await codeOf(admin.admin.overview())).toBe("OK");
    expect(await codeOf(admin.credit.summary())).toBe("FORBIDDEN");
    expect(await codeOf(admin.merchant.overview())).toBe("FORBIDDEN");
  });

  it("scopes the merchant overview to the caller's own store", async () => {
    const { db, clock } = await seededDb();
    const lumen = await (await callerAs(db, clock, "shop@example.com")).merchant.overview();
    const tea = await (await callerAs(db, clock, "tea@example.com")).merchant.overview();
    expect(lumen.store.name).toBe("Lumen Electronics");
    expect(tea.store.name).toBe("Cloud Tea House");
    expect(tea.receivables.outstandingFen).toBe(0);
    expect(lumen.receivables.overdueFen).toBeGreaterThan(0);
  });
});

describe("the demo seed", () => {
  it("creates the accounts of CONTRACT.md with the promised states", async () => {
    const { db, clock } = await seededDb();
    const profile = async (email: string) =>
      (await first(
        db
          .select()
          .from(creditProfiles)
          .where(eq(creditProfiles.userId, await userId(db, email))),
      ))!;
    expect(await profile("alice@example.com")).toMatchObject({ score: 760, payLaterStatus: "enabled" });
    expect(await profile("bob@example.com")).toMatchObject({ score: 640, payLaterStatus: "not_enabled" });
    expect(await profile("carol@example.com")).toMatchObject({ score: 520, payLaterStatus: "not_enabled" });
    expect(await profile("dave@example.com")).toMatchObject({ score: 610, payLaterStatus: "suspended", suspendedReason: "overdue" });

    const alice = await (await callerAs(db, clock, "alice@example.com")).credit.summary();
    expect(alice.nextPayment).not.toBeNull();
    expect(alice.hasOverdue).toBe(false);
    expect(alice.usedCreditFen).toBeGreaterThan(0);
    const dave = await (await callerAs(db, clock, "dave@example.com")).credit.summary();
    expect(dave.hasOverdue).toBe(true);

    const roles = Object.fromEntries((await db.select({ email: users.email, role: users.role }).from(users)).map((u) => [u.email, u.role]));
    expect(roles).toMatchObject({ "shop@example.com": "merchant", "tea@example.com": "merchant", "admin@example.com": "admin" });
    const user = (await first(db.select().from(users).where(eq(users.email, "admin@example.com"))))!;
    expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash)).toBe(true);
    expect(await verifyPassword("wrong-password", user.passwordHash)).toBe(false);
  });

  it("gives Lumen Electronics instalments in every state and aging bucket, and Cloud Tea House no pay later", async () => {
    const { db } = await seededDb();
    const lumen = (await first(db.select().from(stores).where(eq(stores.slug, "lumen-electronics"))))!;
    const tea = (await first(db.select().from(stores).where(eq(stores.slug, "cloud-tea-house"))))!;
    expect(lumen.payLaterEnabled).toBe(true);
    expect(tea.payLaterEnabled).toBe(false);
    const today = localDate(SEED_NOW);
    const rows = await db.select().from(instalments).where(eq(instalments.storeId, lumen.id));
    const statuses = new Set(rows.map((r) => instalmentStatus(r, today)));
    expect(statuses).toEqual(new Set(["upcoming", "due_soon", "in_grace", "overdue", "paid"]));
    const standings = rows.map((r) => instalmentStanding(r, today)).filter((s) => s.status === "overdue");
    const buckets = new Set(standings.map((s) => agingBucket(s.daysPastDue)));
    expect(buckets).toEqual(new Set(["d1_30", "d31_60", "d61_90", "d91_plus"]));
  });
});

describe("the demo seed's notices", () => {
  it("gives suspended dave the overdue and suspension notices the jobs would have sent, which a job run does not repeat", async () => {
    const { db, clock } = await seededDb();
    const dave = await callerAs(db, clock, "dave@example.com");
    const listed = (await dave.notifications.list({ limit: 10 })).items;
    expect(listed.map((n) => [n.content, n.link])).toEqual([
      [{ kind: "pay_later_suspended", params: {} }, "/account/bills"],
      [{ kind: "overdue", params: { dueDate: "2026-11-14", feeFen: 1_500 } }, "/account/bills"],
    ]);
    expect(await dave.notifications.unreadCount()).toBe(2);
    const before = await db.select().from(notifications);
    await runCreditJobs(db, clock.now());
    const after = await db.select().from(notifications);
    expect(after.filter((n) => n.kind === "overdue" || n.kind === "pay_later_suspended")).toEqual(
      before.filter((n) => n.kind === "overdue" || n.kind === "pay_later_suspended"),
    );
  });
});

describe("sign-up", () => {
  it("creates a consumer with the policy's starting score, and refuses a taken email", async () => {
    const { db, clock } = await seededDb();
    const anon = await callerAs(db, clock, null);
    await anon.account.signUp({ name: "Mia", email: "Mia@Example.com", password: "long-enough-password" });
    const summary = await (await callerAs(db, clock, "mia@example.com")).credit.summary();
    expect(summary.score).toBe(600);
    expect(summary.payLaterStatus).toBe("not_enabled");
    expect(await codeOf(anon.account.signUp({ name: "Mia", email: "mia@example.com", password: "long-enough-password" }))).toBe("CONFLICT");
    expect(await codeOf(anon.account.signUp({ name: "", email: "not-an-email", password: "short" }))).toBe("BAD_REQUEST");
  });
});

describe("the store list", () => {
  it("counts each store's active products", async () => {
    const { db, clock } = await seededDb();
    const stores = await (await callerAs(db, clock, null)).catalog.stores();
    expect(Object.fromEntries(stores.map((s) => [s.name, s.productCount]))).toEqual({ "Cloud Tea House": 5, "Lumen Electronics": 8 });
    expect(stores.find((s) => s.name === "Lumen Electronics")!.offersPayLater).toBe(true);
  });
});

describe("resetting the demo data", () => {
  it("empties every table, and the seed then holds every invariant", async () => {
    const { db } = await seededDb();
    const { wipeDatabase, seedDemo } = await import("@/scripts/seed/demo");
    const { checkInvariants } = await import("@/server/services/verify/check-invariants");
    const { sql } = await import("drizzle-orm");
    await wipeDatabase(db);
    const tables = await tableNames(db);
    expect(tables.length).toBeGreaterThan(10);
    const nonEmpty: string[] = [];
    for (const name of tables) if ((await row<{ n: number }>(db, sql.raw(`SELECT COUNT(*) AS n FROM "${name}"`)))!.n > 0) nonEmpty.push(name);
    expect(nonEmpty).toEqual([]);
    await seedDemo(db, SEED_NOW);
    expect(await checkInvariants(db)).toEqual([]);
  });
});
