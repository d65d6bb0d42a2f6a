import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { DEFAULT_POLICY, type PolicyParams } from "@/server/domain/policy";
import { callerAs, seededDb, userId } from "./helpers";
import { CARD, failure, newKey } from "./fixtures";

describe("score history and the way up", () => {
  it("charts bob's score by day, ending at his score today, and names the next band from the policy", async () => {
    const { db, clock } = await seededDb();
    const bob = await callerAs(db, clock, "bob@example.com");
    const history = await bob.credit.scoreHistory();
    const events = await db
      .select()
      .from(s.creditEvents)
      .where(eq(s.creditEvents.userId, await userId(db, "bob@example.com")));
    expect(history.points.length).toBeGreaterThan(0);
    expect(history.points.length).toBeLessThanOrEqual(events.length);
    expect(history.points.at(-1)!.score).toBe((await bob.credit.summary()).score);
    expect(history.points.map((p) => p.date)).toEqual([...new Set(history.points.map((p) => p.date))].sort());
    expect(history.wayUp).toMatchObject({
      onTimeBonus: 5,
      nextBand: { score: 650, limitFen: 200_000, pointsNeeded: 10, onTimePayments: 2 },
      threshold: null,
    });
  });

  it("moves with an on-time payment: a new point today and fewer points to the next band", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const before = await alice.credit.scoreHistory();
    const [bill] = (await alice.bills.list()).bills.filter((b) => b.status === "open");
    await alice.bills.repay({ billId: bill!.id, amountFen: bill!.nextInstalmentFen, cardNumber: CARD, idempotencyKey: newKey() });
    const after = await alice.credit.scoreHistory();
    expect(after.points.at(-1)).toEqual({ date: "2026-11-25", score: before.score + 5 });
    expect(after.score).toBe(before.score + 5);
  });

  it("follows a new policy version at once", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const params: PolicyParams = {
      ...structuredClone(DEFAULT_POLICY),
      onTimeBonus: 10,
      minScore: 650,
      bands: structuredClone(DEFAULT_POLICY.bands.slice(1)),
    };
    await admin.admin.updatePolicy({ params, note: "Raise the bar" });
    const bob = await callerAs(db, clock, "bob@example.com");
    expect((await bob.credit.scoreHistory()).wayUp).toMatchObject({
      threshold: { score: 650, pointsNeeded: 10, onTimePayments: 1 },
      nextBand: { score: 650, limitFen: 200_000, onTimePayments: 1 },
    });
  });

  it("is for consumers only", async () => {
    const { db, clock } = await seededDb();
    expect((await failure((await callerAs(db, clock, "shop@example.com")).credit.scoreHistory())).code).toBe("FORBIDDEN");
    expect((await failure((await callerAs(db, clock, null)).credit.scoreHistory())).code).toBe("UNAUTHORIZED");
  });
});
