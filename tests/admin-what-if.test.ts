import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { first } from "@/db/query";
import { withTransaction } from "@/db/transaction";
import { bills, creditProfiles, instalments, orders, policyVersions, stores, users } from "@/db/schema";
import { DEFAULT_POLICY, type PolicyParams } from "@/server/domain/policy";
import { callerAs, freshDb, seededDb, SEED_NOW, userId } from "./helpers";
import { fixedClock } from "@/server/clock";
import { FIVE_CONSUMERS, policyAt650, RAISED_TO_650 } from "@/server/domain/what-if.fixture";

describe("the what-if of a draft policy", () => {
  /** FIVE_CONSUMERS stored by hand: dave's ¥800 on one bill and kate's ¥1,500 on two, as instalments. */
  async function handBuiltFixture() {
    const db = await freshDb();
    const clock = fixedClock(SEED_NOW);
    const at = SEED_NOW;
    await withTransaction(db, async (tx) => {
      const adminId = (await first(
        tx.insert(users).values({ email: "admin@example.com", name: "Admin", passwordHash: "x", role: "admin", createdAt: at }).returning(),
      ))!.id;
      await tx.insert(policyVersions).values({ version: 1, params: DEFAULT_POLICY, note: "Initial", authorUserId: adminId, createdAt: at });
      const owner = (await first(
        tx.insert(users).values({ email: "m@example.com", name: "M", passwordHash: "x", role: "merchant", createdAt: at }).returning(),
      ))!.id;
      const storeId = (await first(
        tx.insert(stores).values({ ownerUserId: owner, slug: "s", name: "S", payLaterEnabled: true, createdAt: at }).returning(),
      ))!.id;
      const consumer = async (name: string, score: number) => {
        const id = (await first(
          tx
            .insert(users)
            .values({ email: `${name}@example.com`, name, passwordHash: "x", role: "consumer", createdAt: at })
            .returning(),
        ))!.id;
        await tx.insert(creditProfiles).values({ userId: id, score, payLaterStatus: "enabled", updatedAt: at });
        return id;
      };
      let orderNo = 0;
      const bill = async (consumerId: number, parts: { amountFen: number; paidPrincipalFen: number; state: "open" | "paid" | "void" }[]) => {
        const totalFen = parts.reduce((sum, p) => sum + p.amountFen, 0);
        const orderId = (await first(
          tx
            .insert(orders)
            .values({
              number: `O${++orderNo}`,
              consumerId,
              storeId,
              status: "shipped",
              paymentMethod: "pay_later",
              planCode: "pay_in_3",
              totalFen,
              shippingName: "n",
              shippingPhone: "p",
              shippingAddress: "a",
              policyVersion: 1,
              idempotencyKey: `k${orderNo}`,
              createdAt: at,
              updatedAt: at,
            })
            .returning(),
        ))!.id;
        const billId = (await first(
          tx
            .insert(bills)
            .values({ orderId, consumerId, storeId, policyVersion: 1, planCode: "pay_in_3", totalFen, status: "open", createdAt: at })
            .returning(),
        ))!.id;
        for (const [i, p] of parts.entries())
          await tx.insert(instalments).values({ billId, consumerId, storeId, seq: i + 1, dueDate: "2026-12-25", overdueOn: "2026-12-29", ...p });
        // Used credit is the unpaid principal of open instalments, as every write keeps it.
        const unpaid = parts.filter((p) => p.state === "open").reduce((sum, p) => sum + p.amountFen - p.paidPrincipalFen, 0);
        await tx
          .update(creditProfiles)
          .set({ usedCreditFen: sql`${creditProfiles.usedCreditFen} + ${unpaid}` })
          .where(eq(creditProfiles.userId, consumerId));
      };
      const id = new Map<string, number>();
      for (const c of FIVE_CONSUMERS) id.set(c.name, await consumer(c.name, c.score));
      await bill(id.get("dave")!, [
        { amountFen: 40_000, paidPrincipalFen: 40_000, state: "paid" },
        { amountFen: 40_000, paidPrincipalFen: 10_000, state: "open" },
        { amountFen: 50_000, paidPrincipalFen: 0, state: "open" },
      ]);
      await bill(id.get("kate")!, [{ amountFen: 100_000, paidPrincipalFen: 0, state: "open" }]);
      await bill(id.get("kate")!, [
        { amountFen: 50_000, paidPrincipalFen: 0, state: "open" },
        { amountFen: 99_999, paidPrincipalFen: 0, state: "void" },
      ]);
    });
    return { db, clock };
  }

  it("matches the numbers worked out by hand", async () => {
    const { db, clock } = await handBuiltFixture();
    const admin = await callerAs(db, clock, "admin@example.com");
    const raised = await admin.admin.policyWhatIf(policyAt650());
    expect(raised).toMatchObject({ currentVersion: 1, ...RAISED_TO_650.summary });
    expect(raised.losingConsumers.map((c) => c.name)).toEqual(RAISED_TO_650.losing);
    expect(raised.fallingWithOpenBillsConsumers).toEqual([
      {
        userId: expect.any(Number),
        name: "dave",
        email: "dave@example.com",
        score: 610,
        payLaterStatus: "enabled",
        openPrincipalFen: 80_000,
        openBills: 1,
      },
    ]);

    const generous: PolicyParams = {
      ...structuredClone(DEFAULT_POLICY),
      minScore: 500,
      bands: [
        { minScore: 500, maxScore: 649, limitFen: 50_000 },
        { minScore: 650, maxScore: 950, limitFen: 300_000 },
      ],
    };
    const lowered = await admin.admin.policyWhatIf(generous);
    expect(lowered).toMatchObject({
      eligibleAfter: 5,
      gaining: 1,
      losing: 0,
      totalLimitAfterFen: 4 * 50_000 + 2 * 300_000 - 50_000 * 1,
      limitRaised: 2,
      limitLowered: 3,
      overNewLimit: 1,
      fallingWithOpenBills: 0,
    });
  });
});

describe("the what-if on the demo data", () => {
  it("names bob among those who lose eligibility at 650, and dave among those with open bills", async () => {
    const { db, clock } = await seededDb();
    const result = await (await callerAs(db, clock, "admin@example.com")).admin.policyWhatIf(policyAt650());
    const bob = result.losingConsumers.find((c) => c.email === "bob@example.com");
    expect(bob).toMatchObject({ name: "Bob Zhang", score: 640, openBills: 0 });
    const daveProfile = (await first(
      db
        .select()
        .from(creditProfiles)
        .where(eq(creditProfiles.userId, await userId(db, "dave@example.com"))),
    ))!;
    expect(result.fallingWithOpenBillsConsumers.find((c) => c.email === "dave@example.com")).toMatchObject({
      score: 610,
      openBills: 1,
      openPrincipalFen: daveProfile.usedCreditFen,
    });
    expect(result.losingConsumers.map((c) => c.score)).toEqual([...result.losingConsumers.map((c) => c.score)].sort((a, b) => a - b));
    expect(result.losingConsumers.every((c) => c.score >= 600 && c.score < 650)).toBe(true);
  });
});
