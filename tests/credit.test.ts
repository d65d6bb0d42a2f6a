import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { agreementAcceptances, creditProfiles } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { callerAs, seededDb, userId } from "./helpers";

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError)
      return { code: error.code, domainCode: (error.cause as { code?: string } | undefined)?.code, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

async function setScore(db: Awaited<ReturnType<typeof seededDb>>["db"], email: string, score: number) {
  const consumerId = await userId(db, email);
  await withTransaction(db, async (tx) => {
    await tx.update(creditProfiles).set({ score }).where(eq(creditProfiles.userId, consumerId));
  });
}

describe("enabling pay later", () => {
  it("succeeds at exactly the threshold and records the agreement version", async () => {
    const { db, clock } = await seededDb();
    await setScore(db, "bob@example.com", 600);
    const bob = await callerAs(db, clock, "bob@example.com");
    const { version } = await bob.credit.agreement();
    expect(await bob.credit.enablePayLater({ agreementVersion: version, accepted: true })).toEqual({ status: "enabled", agreementVersion: 1 });
    const summary = await bob.credit.summary();
    expect(summary.payLaterStatus).toBe("enabled");
    expect(summary.limitFen).toBe(100_000);
    const acceptances = await db
      .select()
      .from(agreementAcceptances)
      .where(eq(agreementAcceptances.userId, await userId(db, "bob@example.com")));
    expect(acceptances).toHaveLength(1);
    expect(acceptances[0]!.agreementVersion).toBe(1);
    expect(acceptances[0]!.acceptedAt.getTime()).toBe(clock.now().getTime());
  });

  it("fails one point below the threshold, with the reason and nothing written", async () => {
    const { db, clock } = await seededDb();
    await setScore(db, "bob@example.com", 599);
    const bob = await callerAs(db, clock, "bob@example.com");
    const error = await refusal(bob.credit.enablePayLater({ agreementVersion: 1, accepted: true }));
    expect(error).toMatchObject({ code: "PRECONDITION_FAILED", domainCode: "SCORE_BELOW_THRESHOLD" });
    expect(error.message).toBe("Your score 599 is below the 600 needed to enable pay later.");
    expect((await bob.credit.summary()).payLaterStatus).toBe("not_enabled");
    expect(
      await db
        .select()
        .from(agreementAcceptances)
        .where(eq(agreementAcceptances.userId, await userId(db, "bob@example.com"))),
    ).toHaveLength(0);
  });

  it("creates one acceptance when submitted twice at once", async () => {
    const { db, clock } = await seededDb();
    const bob = await callerAs(db, clock, "bob@example.com");
    const results = await Promise.all([
      bob.credit.enablePayLater({ agreementVersion: 1, accepted: true }),
      bob.credit.enablePayLater({ agreementVersion: 1, accepted: true }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["enabled", "enabled"]);
    const rows = await db
      .select()
      .from(agreementAcceptances)
      .where(and(eq(agreementAcceptances.userId, await userId(db, "bob@example.com"))));
    expect(rows).toHaveLength(1);
  });

  it("requires agreeing to the current agreement version", async () => {
    const { db, clock } = await seededDb();
    const bob = await callerAs(db, clock, "bob@example.com");
    expect(await refusal(bob.credit.enablePayLater({ agreementVersion: 1, accepted: false as true }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await refusal(bob.credit.enablePayLater({ agreementVersion: 2, accepted: true }))).toMatchObject({ domainCode: "AGREEMENT_OUTDATED" });
  });

  it("tells carol her score is too low and dave that he is suspended", async () => {
    const { db, clock } = await seededDb();
    const carol = await callerAs(db, clock, "carol@example.com");
    expect((await carol.credit.summary()).statusSentence).toBe("Your score 520 is below the 600 needed to enable pay later.");
    expect(await refusal(carol.credit.enablePayLater({ agreementVersion: 1, accepted: true }))).toMatchObject({
      domainCode: "SCORE_BELOW_THRESHOLD",
    });
    const dave = await callerAs(db, clock, "dave@example.com");
    expect((await dave.credit.summary()).statusSentence).toMatch(/suspended because a payment is overdue/);
    expect(await refusal(dave.credit.enablePayLater({ agreementVersion: 1, accepted: true }))).toMatchObject({ domainCode: "PAY_LATER_SUSPENDED" });
  });
});

describe("disabling pay later", () => {
  it("is refused while something is owed and allowed when nothing is", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const error = await refusal(alice.credit.disablePayLater());
    expect(error).toMatchObject({ domainCode: "BALANCE_OWED" });
    expect(error.message).toContain("¥3,299.00");
    expect((await alice.credit.summary()).payLaterStatus).toBe("enabled");

    const judy = await callerAs(db, clock, "judy@example.com");
    expect(await judy.credit.disablePayLater()).toEqual({ status: "not_enabled" });
    expect((await judy.credit.summary()).payLaterStatus).toBe("not_enabled");
  });
});

describe("the credit report", () => {
  it("lists every score change newest first, linked to its order, across pages", async () => {
    const { db, clock } = await seededDb();
    const alice = await callerAs(db, clock, "alice@example.com");
    const first = await alice.credit.events({ limit: 2 });
    expect(first.events).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await alice.credit.events({ limit: 2, cursor: first.nextCursor });
    const all = [...first.events, ...second.events];
    expect(all).toHaveLength(4); // opening score + three on-time payments
    expect(new Set(all.map((e) => e.id)).size).toBe(4);
    expect(second.nextCursor).toBeNull();
    const times = all.map((e) => e.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const onTime = all.filter((e) => e.reason === "on_time_payment");
    expect(onTime).toHaveLength(3);
    expect(onTime.every((e) => e.delta === 5 && e.orderNumber === "HF-1001" && e.instalmentSeq !== null)).toBe(true);
    expect(all[0]!.scoreAfter).toBe(760);
  });

  it("shows only the caller's own events", async () => {
    const { db, clock } = await seededDb();
    const bob = await (await callerAs(db, clock, "bob@example.com")).credit.events({ limit: 100 });
    expect(bob.events.map((e) => e.reason)).toEqual(["seed"]);
  });
});
