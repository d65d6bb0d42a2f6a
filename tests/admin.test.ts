import { describe, expect, it } from "vitest";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { connectionOf, type Db } from "@/db/client";
import { exec, first } from "@/db/query";
import { withTransaction } from "@/db/transaction";
import { auditLog, bills, creditEvents, creditProfiles, instalments, orders, policyVersions, stores, supportTickets, users } from "@/db/schema";
import { addDays, startOfLocalDate } from "@/server/calendar";
import { lateFeeFor } from "@/server/domain/instalments";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { DEFAULT_POLICY, type PolicyParams } from "@/server/domain/policy";
import { currentPolicy, policyByVersion } from "@/server/services/policy/current-policy";
import { receivablesSummary } from "@/server/services/receivables/summary";
import { callerAs, freshDb, seededDb, SEED_NOW, userId } from "./helpers";
import { fixedClock } from "@/server/clock";
import { codeOf } from "./fixtures";

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

const auditCount = async (db: Db) => (await first(db.select({ n: count() }).from(auditLog)))!.n;
const lastAudit = async (db: Db) => (await first(db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1)))!;

type Api = Awaited<ReturnType<typeof callerAs>>;

/** The error's message and those of its causes (a driver's error arrives wrapped in Drizzle's). */
function messages(error: unknown): string {
  const parts: string[] = [];
  for (let e = error as { message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++)
    if (typeof e.message === "string") parts.push(e.message);
  return parts.join("\n");
}

async function refusalText(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return messages(error);
  }
  return "no error";
}

/** Runs a statement on the database's own connection, below Drizzle: what anyone holding it could do. */
async function onTheConnection(db: Db, statement: string): Promise<void> {
  const connection = connectionOf(db);
  if (connection.kind === "pg") await connection.pool.query(statement);
  else connection.writer.exec(statement);
}

/** The default policy with the threshold at 650 (and the bands starting there). */
const policyAt650 = (): PolicyParams => ({
  ...structuredClone(DEFAULT_POLICY),
  minScore: 650,
  bands: structuredClone(DEFAULT_POLICY.bands.slice(1)),
});

describe("admin procedures refuse everyone but admins", () => {
  it("answers UNAUTHORIZED to the anonymous and FORBIDDEN to consumers and merchants, on every procedure", async () => {
    const { db, clock } = await seededDb();
    const lumen = (await first(db.select().from(stores).where(eq(stores.slug, "lumen-electronics"))))!;
    const bob = await userId(db, "bob@example.com");
    await (await callerAs(db, clock, "bob@example.com")).support.ask({ topic: "other", message: "A question for the admin to answer." });
    const ticketId = (await first(db.select({ id: supportTickets.id }).from(supportTickets)))!.id;
    const calls: Record<string, (api: Api) => Promise<unknown>> = {
      overview: (api) => api.admin.overview(),
      policy: (api) => api.admin.policy(),
      policyHistory: (api) => api.admin.policyHistory(),
      policyWhatIf: (api) => api.admin.policyWhatIf(policyAt650()),
      updatePolicy: (api) => api.admin.updatePolicy({ params: policyAt650(), note: "Raise the bar" }),
      consumers: (api) => api.admin.consumers({ limit: 10 }),
      consumer: (api) => api.admin.consumer({ consumerId: bob }),
      adjustScore: (api) => api.admin.adjustScore({ consumerId: bob, delta: 10, reason: "Goodwill" }),
      suspendPayLater: (api) => api.admin.suspendPayLater({ consumerId: bob, reason: "Fraud check" }),
      reinstatePayLater: (api) => api.admin.reinstatePayLater({ consumerId: bob, reason: "Cleared" }),
      merchants: (api) => api.admin.merchants(),
      setStoreActive: (api) => api.admin.setStoreActive({ storeId: lumen.id, active: false }),
      setPayLaterForcedOff: (api) => api.admin.setPayLaterForcedOff({ storeId: lumen.id, forcedOff: true, reason: "Complaints under review" }),
      audit: (api) => api.admin.audit({ limit: 10 }),
      auditFilters: (api) => api.admin.auditFilters(),
      supportTickets: (api) => api.admin.supportTickets({}),
      answerTicket: (api) => api.admin.answerTicket({ ticketId, answer: "An answer" }),
    };
    // The list above must cover the whole router, so a new procedure cannot slip past this test.
    const { adminRouter } = await import("@/server/api/routers/admin");
    expect(Object.keys(calls).sort()).toEqual(Object.keys(adminRouter._def.procedures).sort());

    const before = await auditCount(db);
    for (const [name, call] of Object.entries(calls)) {
      expect([name, await codeOf(call(await callerAs(db, clock, null)))]).toEqual([name, "UNAUTHORIZED"]);
      for (const email of ["alice@example.com", "shop@example.com"])
        expect([name, email, await codeOf(call(await callerAs(db, clock, email)))]).toEqual([name, email, "FORBIDDEN"]);
    }
    expect(await auditCount(db)).toBe(before);
    expect((await currentPolicy(db)).version).toBe(1);
    expect(await first(db.select().from(creditProfiles).where(eq(creditProfiles.userId, bob)))).toMatchObject({
      score: 640,
      payLaterStatus: "not_enabled",
    });

    // And the admin reaches every one of them.
    const admin = await callerAs(db, clock, "admin@example.com");
    for (const [name, call] of Object.entries(calls)) expect([name, await codeOf(call(admin))]).toEqual([name, "OK"]);
  });
});

describe("the credit policy", () => {
  it("refuses invalid policies with errors naming the field", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const pathsOf = (error: TRPCError) => (error.cause instanceof ZodError ? error.cause.issues.map((i) => i.path.join(".")) : []);

    // The threshold rose but the lowest band still starts at 600.
    const notAtMinimum = { ...structuredClone(DEFAULT_POLICY), minScore: 650 };
    let error = await failure(admin.admin.updatePolicy({ params: notAtMinimum, note: "Raise the bar" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(pathsOf(error)).toContain("params.bands.0.minScore");

    const gap = structuredClone(DEFAULT_POLICY);
    gap.bands[2]!.minScore = 710;
    error = await failure(admin.admin.updatePolicy({ params: gap, note: "Gap" }));
    expect(pathsOf(error)).toEqual(["params.bands.2.minScore"]);

    const outOfRange = structuredClone(DEFAULT_POLICY);
    outOfRange.bands[3]!.maxScore = 990;
    outOfRange.lateFeeCapBps = 12_000;
    outOfRange.plans[0]!.intervalDays = 0;
    error = await failure(admin.admin.updatePolicy({ params: outOfRange, note: "Out of range" }));
    expect(pathsOf(error).sort()).toEqual(["params.bands.3.maxScore", "params.lateFeeCapBps", "params.plans.0.intervalDays"]);

    const noPlans = structuredClone(DEFAULT_POLICY);
    noPlans.plans.forEach((p) => (p.enabled = false));
    expect(pathsOf(await failure(admin.admin.updatePolicy({ params: noPlans, note: "None" })))).toEqual(["params.plans"]);

    // A note is required.
    expect(pathsOf(await failure(admin.admin.updatePolicy({ params: policyAt650(), note: "   " })))).toEqual(["note"]);
    // The what-if refuses the same drafts.
    expect((await failure(admin.admin.policyWhatIf(notAtMinimum))).code).toBe("BAD_REQUEST");

    expect((await first(db.select({ n: count() }).from(policyVersions)))!.n).toBe(1);
    expect(await auditCount(db)).toBe(0);
  });

  it("saves a new immutable version that new checks use at once, with an audit row and a diff in the history", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const bob = await callerAs(db, clock, "bob@example.com");

    const before = await bob.credit.summary();
    expect(before).toMatchObject({
      minScore: 600,
      limitFen: 100_000,
      statusSentence: "Your score 640 meets the 600 needed: you can enable pay later.",
    });

    clock.advanceDays(1);
    expect(await admin.admin.updatePolicy({ params: policyAt650(), note: "Tighten after Q3 losses" })).toEqual({ version: 2 });

    const after = await bob.credit.summary();
    expect(after).toMatchObject({
      minScore: 650,
      limitFen: 0,
      availableCreditFen: 0,
      statusSentence: "Your score 640 is below the 650 needed to enable pay later.",
    });

    const row = (await first(db.select().from(policyVersions).where(eq(policyVersions.version, 2))))!;
    expect(row).toMatchObject({ note: "Tighten after Q3 losses", authorUserId: await userId(db, "admin@example.com"), createdAt: clock.now() });
    expect((await policyByVersion(db, 1)).params).toEqual(DEFAULT_POLICY);

    const audit = await lastAudit(db);
    expect(audit).toMatchObject({ action: "policy.update", entityType: "policy", entityId: "2", actorRole: "admin" });
    expect(audit.before).toMatchObject({ version: 1, params: { minScore: 600 } });
    expect(audit.after).toMatchObject({ version: 2, note: "Tighten after Q3 losses", params: { minScore: 650 } });

    const history = await admin.admin.policyHistory();
    expect(history.map((v) => v.version)).toEqual([2, 1]);
    expect(history[0]).toMatchObject({ author: "Houfu Admin", note: "Tighten after Q3 losses", previousVersion: 1 });
    expect(history[0]!.changes[0]).toEqual({ key: "minScore", label: "Minimum score", before: "600", after: "650" });
    expect(history[1]!.changes).toEqual([]);

    // Saving the same policy again changes nothing and is refused.
    expect(await codeOf(admin.admin.updatePolicy({ params: policyAt650(), note: "Again" }))).toBe("CONFLICT");
    expect((await currentPolicy(db)).version).toBe(2);
  });

  it("leaves existing bills on the terms they were made with", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const openBills = await db.select().from(bills).where(eq(bills.status, "open")).orderBy(bills.id);
    const schedules = await db.select().from(instalments).orderBy(instalments.id);
    expect(openBills.length).toBeGreaterThan(0);

    const harsher = structuredClone(DEFAULT_POLICY);
    harsher.graceDays = 0;
    harsher.lateFeeFen = 5_000;
    harsher.lateFeeCapBps = 10_000;
    harsher.plans[0]!.intervalDays = 14;
    await admin.admin.updatePolicy({ params: harsher, note: "Harsher terms" });

    expect(await db.select().from(bills).where(eq(bills.status, "open")).orderBy(bills.id)).toEqual(openBills);
    expect(await db.select().from(instalments).orderBy(instalments.id)).toEqual(schedules);
    for (const bill of openBills) expect(bill.policyVersion).toBe(1);

    // The late fee of an existing bill's instalment follows the bill's version, not the one in force.
    const inst = schedules.find((i) => i.state === "open" && i.amountFen >= 20_000)!;
    const bill = openBills.find((b) => b.id === inst.billId)!;
    expect(lateFeeFor(inst.amountFen, (await policyByVersion(db, bill.policyVersion)).params)).toBe(1_500);
    expect(lateFeeFor(inst.amountFen, (await currentPolicy(db)).params)).toBe(5_000);
    expect((await currentPolicy(db)).version).toBe(2);
  });

  it("lets the credit jobs charge an existing bill by its own version: its grace, its late fee, its penalty", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const harsher = structuredClone(DEFAULT_POLICY);
    harsher.graceDays = 0;
    harsher.lateFeeFen = 5_000;
    harsher.overduePenalty = 100;
    await admin.admin.updatePolicy({ params: harsher, note: "Harsher terms" });

    const aliceId = await userId(db, "alice@example.com");
    const earliest = (await first(
      db
        .select()
        .from(instalments)
        .where(and(eq(instalments.consumerId, aliceId), eq(instalments.state, "open")))
        .orderBy(instalments.dueDate, instalments.id)
        .limit(1),
    ))!;
    const instalment = async () => (await first(db.select().from(instalments).where(eq(instalments.id, earliest.id))))!;
    const tenAm = (date: string) => new Date(startOfLocalDate(date).getTime() + 10 * 3_600_000);

    // The day after the due date: overdue under the new zero grace, but not under the bill's three days.
    clock.set(tenAm(addDays(earliest.dueDate, 1)));
    await runCreditJobs(db, clock.now());
    expect(await instalment()).toMatchObject({ lateFeeFen: 0, overdueMarkedAt: null });

    clock.set(tenAm(earliest.overdueOn));
    await runCreditJobs(db, clock.now());
    expect((await instalment()).lateFeeFen).toBe(1_500);
    const penalty = await first(
      db
        .select()
        .from(creditEvents)
        .where(and(eq(creditEvents.userId, aliceId), eq(creditEvents.instalmentId, earliest.id), eq(creditEvents.reason, "overdue")))
        .limit(1),
    );
    expect(penalty?.delta).toBe(-25);
  });
});

describe("the what-if of a draft policy", () => {
  /** Five consumers by hand: scores 520, 610 (owes ¥800 on one bill), 640, 660 (owes ¥1,500), 760. */
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
      await consumer("carol", 520);
      const dave = await consumer("dave", 610);
      await bill(dave, [
        { amountFen: 40_000, paidPrincipalFen: 40_000, state: "paid" },
        { amountFen: 40_000, paidPrincipalFen: 10_000, state: "open" },
        { amountFen: 50_000, paidPrincipalFen: 0, state: "open" },
      ]);
      await consumer("bob", 640);
      const kate = await consumer("kate", 660);
      await bill(kate, [{ amountFen: 100_000, paidPrincipalFen: 0, state: "open" }]);
      await bill(kate, [
        { amountFen: 50_000, paidPrincipalFen: 0, state: "open" },
        { amountFen: 99_999, paidPrincipalFen: 0, state: "void" },
      ]);
      await consumer("alice", 760);
    });
    return { db, clock };
  }

  it("matches the numbers worked out by hand", async () => {
    const { db, clock } = await handBuiltFixture();
    const admin = await callerAs(db, clock, "admin@example.com");
    const raised = await admin.admin.policyWhatIf(policyAt650());
    expect(raised).toMatchObject({
      currentVersion: 1,
      consumers: 5,
      eligibleBefore: 4,
      eligibleAfter: 2,
      gaining: 0,
      losing: 2,
      // ¥1,000 (dave) + ¥1,000 (bob) + ¥2,000 (kate) + ¥10,000 (alice); then only kate and alice.
      totalLimitBeforeFen: 1_400_000,
      totalLimitAfterFen: 1_200_000,
      limitRaised: 0,
      limitLowered: 2,
      // dave owes ¥800 and would have no limit at all.
      overNewLimit: 1,
      fallingWithOpenBills: 1,
      fallingWithOpenBillsPrincipalFen: 80_000,
    });
    expect(raised.losingConsumers.map((c) => [c.name, c.score])).toEqual([
      ["dave", 610],
      ["bob", 640],
    ]);
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

describe("consumers", () => {
  it("searches by email or name, a page at a time", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const first = await admin.admin.consumers({ query: "EXAMPLE.com", limit: 4 });
    expect(first.items).toHaveLength(4);
    const second = await admin.admin.consumers({ query: "example.com", limit: 4, cursor: first.nextCursor });
    const all = await admin.admin.consumers({ query: "example.com", limit: 100 });
    expect(all.items).toHaveLength(11); // consumers only: no merchants or admin
    expect(all.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((c) => c.email)).toEqual(all.items.slice(0, 8).map((c) => c.email));
    expect((await admin.admin.consumers({ query: "bob", limit: 10 })).items.map((c) => c.email)).toEqual(["bob@example.com"]);
    expect((await admin.admin.consumers({ query: "carol huang", limit: 10 })).items).toMatchObject([{ name: "Carol Huang", score: 520 }]);
    expect((await admin.admin.consumers({ query: "%", limit: 10 })).items).toEqual([]);
    expect((await admin.admin.consumers({ query: "shop@", limit: 10 })).items).toEqual([]);
  });

  it("shows a consumer's credit profile and refuses a non-consumer id", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const dave = await admin.admin.consumer({ consumerId: await userId(db, "dave@example.com") });
    expect(dave).toMatchObject({
      score: 610,
      payLaterStatus: "suspended",
      suspendedReason: "overdue",
      hasOverdue: true,
      agreementAccepted: true,
      limitFen: 100_000,
    });
    expect(dave.bills).toHaveLength(1);
    expect(dave.bills[0]).toMatchObject({ storeName: "Lumen Electronics", overdue: true, policyVersion: 1 });
    expect(dave.bills[0]!.owedFen).toBeGreaterThan(0);
    expect(dave.events.map((e) => e.reason)).toContain("overdue");
    expect(await codeOf(admin.admin.consumer({ consumerId: await userId(db, "shop@example.com") }))).toBe("NOT_FOUND");
  });

  it("adjusts a score by a delta or to a new score, clamped, with the reason in the credit history", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const carolId = await userId(db, "carol@example.com");
    const carol = await callerAs(db, clock, "carol@example.com");
    expect((await carol.credit.summary()).statusSentence).toBe("Your score 520 is below the 600 needed to enable pay later.");

    expect(await admin.admin.adjustScore({ consumerId: carolId, newScore: 700, reason: "Verified income" })).toEqual({ score: 700, delta: 180 });
    const summary = await carol.credit.summary();
    expect(summary).toMatchObject({
      score: 700,
      limitFen: 500_000,
      statusSentence: "Your score 700 meets the 600 needed: you can enable pay later.",
    });
    const event = (await first(db.select().from(creditEvents).where(eq(creditEvents.userId, carolId)).orderBy(desc(creditEvents.id)).limit(1)))!;
    expect(event).toMatchObject({
      delta: 180,
      scoreAfter: 700,
      reason: "admin_adjustment",
      note: "Verified income",
      effectKey: null,
      actorUserId: await userId(db, "admin@example.com"),
    });
    expect(await lastAudit(db)).toMatchObject({
      action: "consumer.adjust_score",
      entityType: "consumer",
      entityId: String(carolId),
      before: { score: 520 },
      after: { score: 700, delta: 180, reason: "Verified income" },
    });

    // Clamped to 950; the applied delta is what really changed.
    expect(await admin.admin.adjustScore({ consumerId: carolId, delta: 600, reason: "Test the ceiling" })).toEqual({ score: 950, delta: 250 });
    expect(await codeOf(admin.admin.adjustScore({ consumerId: carolId, delta: 5, reason: "Already at the top" }))).toBe("CONFLICT");
    expect(await codeOf(admin.admin.adjustScore({ consumerId: carolId, newScore: 300, reason: "Too low" }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.admin.adjustScore({ consumerId: carolId, delta: -10, reason: "" }))).toBe("BAD_REQUEST");
  });

  it("suspends and reinstates pay later: enabled again only with the agreement accepted", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const aliceId = await userId(db, "alice@example.com");
    const bobId = await userId(db, "bob@example.com");
    const profile = async (id: number) => (await first(db.select().from(creditProfiles).where(eq(creditProfiles.userId, id))))!;

    await admin.admin.suspendPayLater({ consumerId: aliceId, reason: "Reported stolen card" });
    expect(await profile(aliceId)).toMatchObject({ payLaterStatus: "suspended", suspendedReason: "admin" });
    expect((await (await callerAs(db, clock, "alice@example.com")).credit.summary()).statusSentence).toContain("suspended by Houfu support");
    expect(await lastAudit(db)).toMatchObject({
      action: "consumer.suspend",
      before: { payLaterStatus: "enabled" },
      after: { payLaterStatus: "suspended", suspendedReason: "admin" },
    });
    expect(await codeOf(admin.admin.suspendPayLater({ consumerId: aliceId, reason: "Twice" }))).toBe("CONFLICT");

    await admin.admin.reinstatePayLater({ consumerId: aliceId, reason: "Card replaced" });
    expect(await profile(aliceId)).toMatchObject({ payLaterStatus: "enabled", suspendedReason: null });
    expect(await lastAudit(db)).toMatchObject({ action: "consumer.reinstate", after: { payLaterStatus: "enabled" } });
    expect(await codeOf(admin.admin.reinstatePayLater({ consumerId: aliceId, reason: "Twice" }))).toBe("CONFLICT");

    // bob never accepted the agreement: reinstating puts him back to not enabled.
    await admin.admin.suspendPayLater({ consumerId: bobId, reason: "Investigation" });
    await admin.admin.reinstatePayLater({ consumerId: bobId, reason: "Closed" });
    expect(await profile(bobId)).toMatchObject({ payLaterStatus: "not_enabled", suspendedReason: null });

    // An overdue suspension can be taken over by an admin (the jobs never lift that one).
    const daveId = await userId(db, "dave@example.com");
    await admin.admin.suspendPayLater({ consumerId: daveId, reason: "Collections" });
    expect(await profile(daveId)).toMatchObject({ payLaterStatus: "suspended", suspendedReason: "admin" });
  });
});

describe("merchants", () => {
  it("lists every store with its receivables from one grouped query, matching the per-store summary", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const merchants = await admin.admin.merchants();
    expect(merchants.map((m) => m.name)).toEqual(["Cloud Tea House", "Lumen Electronics"]);
    for (const m of merchants) {
      const summary = await receivablesSummary(db, { storeId: m.storeId, now: clock.now() });
      expect(m).toMatchObject({
        outstandingFen: summary.outstandingFen,
        overdueFen: summary.overdueFen,
        dueIn7DaysFen: summary.dueIn7DaysFen,
        overdueBills: summary.overdueBills,
        overdueRate: summary.overdueRate,
      });
    }
    const lumen = merchants.find((m) => m.name === "Lumen Electronics")!;
    const volume = (await first(
      db
        .select({ n: count(), total: sql<number>`SUM(${orders.totalFen})` })
        .from(orders)
        .where(and(eq(orders.storeId, lumen.storeId), eq(orders.paymentMethod, "pay_later"))),
    ))!;
    expect(lumen).toMatchObject({
      payLaterOrders: volume.n,
      payLaterVolumeFen: volume.total,
      active: true,
      payLaterEnabled: true,
      payLaterForcedOff: false,
    });
    expect(merchants[0]).toMatchObject({ outstandingFen: 0, payLaterOrders: 0, payLaterVolumeFen: 0, overdueRate: null });

    const overview = await admin.admin.overview();
    expect(overview.stores).toEqual(merchants);
  });

  it("activates, deactivates and forces pay later off, each with an audit row", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const lumen = (await first(db.select().from(stores).where(eq(stores.slug, "lumen-electronics"))))!;
    const store = async () => (await first(db.select().from(stores).where(eq(stores.id, lumen.id))))!;

    await admin.admin.setStoreActive({ storeId: lumen.id, active: false });
    expect((await store()).active).toBe(false);
    expect(await lastAudit(db)).toMatchObject({
      action: "store.deactivate",
      entityType: "store",
      entityId: String(lumen.id),
      before: { active: true },
      after: { active: false },
    });
    expect(await codeOf(admin.admin.setStoreActive({ storeId: lumen.id, active: false }))).toBe("CONFLICT");
    await admin.admin.setStoreActive({ storeId: lumen.id, active: true });
    expect((await lastAudit(db)).action).toBe("store.activate");

    await admin.admin.setPayLaterForcedOff({ storeId: lumen.id, forcedOff: true, reason: "Complaints under review" });
    expect(await store()).toMatchObject({ payLaterForcedOff: true, payLaterEnabled: true });
    expect((await (await callerAs(db, clock, null)).catalog.stores()).find((s) => s.id === lumen.id)?.offersPayLater).toBe(false);
    expect((await lastAudit(db)).action).toBe("store.force_pay_later_off");
    await admin.admin.setPayLaterForcedOff({ storeId: lumen.id, forcedOff: false });
    expect(await lastAudit(db)).toMatchObject({
      action: "store.lift_pay_later_off",
      before: { payLaterForcedOff: true },
      after: { payLaterForcedOff: false },
    });
    expect(await codeOf(admin.admin.setStoreActive({ storeId: 9_999, active: false }))).toBe("NOT_FOUND");
  });
});

describe("the audit log", () => {
  it("gets exactly one row for every admin mutation, and none for a refused one", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const lumen = (await first(db.select().from(stores).where(eq(stores.slug, "lumen-electronics"))))!;
    const bob = await userId(db, "bob@example.com");
    const mutations: [string, () => Promise<unknown>][] = [
      ["policy.update", () => admin.admin.updatePolicy({ params: policyAt650(), note: "Raise" })],
      ["consumer.adjust_score", () => admin.admin.adjustScore({ consumerId: bob, delta: -15, reason: "Chargeback" })],
      ["consumer.suspend", () => admin.admin.suspendPayLater({ consumerId: bob, reason: "Review" })],
      ["consumer.reinstate", () => admin.admin.reinstatePayLater({ consumerId: bob, reason: "Done" })],
      ["store.deactivate", () => admin.admin.setStoreActive({ storeId: lumen.id, active: false })],
      ["store.activate", () => admin.admin.setStoreActive({ storeId: lumen.id, active: true })],
      [
        "store.force_pay_later_off",
        () => admin.admin.setPayLaterForcedOff({ storeId: lumen.id, forcedOff: true, reason: "Complaints under review" }),
      ],
      ["store.lift_pay_later_off", () => admin.admin.setPayLaterForcedOff({ storeId: lumen.id, forcedOff: false })],
    ];
    for (const [action, run] of mutations) {
      const before = await auditCount(db);
      await run();
      expect([action, (await auditCount(db)) - before]).toEqual([action, 1]);
      expect(await lastAudit(db)).toMatchObject({
        action,
        actorUserId: await userId(db, "admin@example.com"),
        actorRole: "admin",
        createdAt: clock.now(),
      });
    }
    const before = await auditCount(db);
    await codeOf(admin.admin.reinstatePayLater({ consumerId: bob, reason: "Not suspended" }));
    await codeOf(admin.admin.setPayLaterForcedOff({ storeId: lumen.id, forcedOff: false }));
    expect(await auditCount(db)).toBe(before);
  });

  it("filters by actor, action, entity type and date, newest first, a page at a time", async () => {
    const { db, clock } = await seededDb();
    const admin = await callerAs(db, clock, "admin@example.com");
    const lumen = (await first(db.select().from(stores).where(eq(stores.slug, "lumen-electronics"))))!;
    const bob = await userId(db, "bob@example.com");
    await admin.admin.adjustScore({ consumerId: bob, delta: 5, reason: "One" }); // 2026-11-25
    clock.advanceDays(1);
    await admin.admin.adjustScore({ consumerId: bob, delta: 5, reason: "Two" }); // 2026-11-26
    await admin.admin.setStoreActive({ storeId: lumen.id, active: false });
    clock.advanceDays(1);
    await admin.admin.setStoreActive({ storeId: lumen.id, active: true }); // 2026-11-27

    const all = await admin.admin.audit({ limit: 100 });
    expect(all.items.map((r) => r.action)).toEqual(["store.activate", "store.deactivate", "consumer.adjust_score", "consumer.adjust_score"]);
    expect(all.items[0]).toMatchObject({ actorName: "Houfu Admin", actorEmail: "admin@example.com", entityType: "store" });

    const page1 = await admin.admin.audit({ limit: 3 });
    const page2 = await admin.admin.audit({ limit: 3, cursor: page1.nextCursor });
    expect([...page1.items, ...page2.items]).toEqual(all.items);
    expect(page2.nextCursor).toBeNull();

    expect((await admin.admin.audit({ action: "consumer.adjust_score", limit: 10 })).items).toHaveLength(2);
    expect((await admin.admin.audit({ entityType: "store", limit: 10 })).items).toHaveLength(2);
    expect((await admin.admin.audit({ actorUserId: bob, limit: 10 })).items).toHaveLength(0);
    expect((await admin.admin.audit({ actorUserId: await userId(db, "admin@example.com"), limit: 10 })).items).toHaveLength(4);
    expect((await admin.admin.audit({ from: "2026-11-26", to: "2026-11-26", limit: 10 })).items.map((r) => r.action)).toEqual([
      "store.deactivate",
      "consumer.adjust_score",
    ]);
    expect((await admin.admin.audit({ from: "2026-11-27", limit: 10 })).items).toHaveLength(1);
    expect((await admin.admin.audit({ to: "2026-11-25", limit: 10 })).items).toHaveLength(1);

    const filters = await admin.admin.auditFilters();
    expect(filters).toEqual({
      actors: [{ id: await userId(db, "admin@example.com"), name: "Houfu Admin", email: "admin@example.com" }],
      actions: ["consumer.adjust_score", "store.activate", "store.deactivate"],
      entityTypes: ["consumer", "store"],
    });
  });

  it("cannot be updated or deleted, by the app or anyone with its connection", async () => {
    const { db, clock } = await seededDb();
    await (await callerAs(db, clock, "admin@example.com")).admin.adjustScore({
      consumerId: await userId(db, "bob@example.com"),
      delta: 5,
      reason: "Kept forever",
    });
    const before = await db.select().from(auditLog).orderBy(auditLog.id);
    expect(
      await refusalText(
        withTransaction(db, async (tx) => {
          await tx.update(auditLog).set({ action: "tampered" });
        }),
      ),
    ).toMatch(/append-only/);
    expect(
      await refusalText(
        withTransaction(db, async (tx) => {
          await tx.delete(auditLog);
        }),
      ),
    ).toMatch(/append-only/);
    expect(await refusalText(withTransaction(db, (tx) => exec(tx, sql`UPDATE audit_log SET after = NULL`)))).toMatch(/append-only/);
    expect(await refusalText(onTheConnection(db, "UPDATE audit_log SET after = NULL"))).toMatch(/append-only/);
    expect(await refusalText(onTheConnection(db, "DELETE FROM audit_log WHERE id > 0"))).toMatch(/append-only/);
    expect(await db.select().from(auditLog).orderBy(auditLog.id)).toEqual(before);
    expect(await lastAudit(db)).toMatchObject({ action: "consumer.adjust_score", after: { reason: "Kept forever" } });
  });
});
