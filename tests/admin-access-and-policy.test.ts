import { describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import type { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { first } from "@/db/query";
import { bills, creditEvents, creditProfiles, instalments, policyVersions, stores, supportTickets } from "@/db/schema";
import { addDays, startOfLocalDate } from "@/server/calendar";
import { lateFeeFor } from "@/server/domain/instalments";
import { runCreditJobs } from "@/server/services/jobs/run-credit-jobs";
import { DEFAULT_POLICY } from "@/server/domain/policy";
import { currentPolicy, policyByVersion } from "@/server/services/policy/current-policy";
import { callerAs, seededDb, userId } from "./helpers";
import { codeOf } from "./fixtures";
import { trpcError, auditCount, lastAudit, type Api, policyAt650 } from "./admin-fixture";

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
    let error = await trpcError(admin.admin.updatePolicy({ params: notAtMinimum, note: "Raise the bar" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(pathsOf(error)).toContain("params.bands.0.minScore");

    const gap = structuredClone(DEFAULT_POLICY);
    gap.bands[2]!.minScore = 710;
    error = await trpcError(admin.admin.updatePolicy({ params: gap, note: "Gap" }));
    expect(pathsOf(error)).toEqual(["params.bands.2.minScore"]);

    const outOfRange = structuredClone(DEFAULT_POLICY);
    outOfRange.bands[3]!.maxScore = 990;
    outOfRange.lateFeeCapBps = 12_000;
    outOfRange.plans[0]!.intervalDays = 0;
    error = await trpcError(admin.admin.updatePolicy({ params: outOfRange, note: "Out of range" }));
    expect(pathsOf(error).sort()).toEqual(["params.bands.3.maxScore", "params.lateFeeCapBps", "params.plans.0.intervalDays"]);

    const noPlans = structuredClone(DEFAULT_POLICY);
    noPlans.plans.forEach((p) => (p.enabled = false));
    expect(pathsOf(await trpcError(admin.admin.updatePolicy({ params: noPlans, note: "None" })))).toEqual(["params.plans"]);

    // A note is required.
    expect(pathsOf(await trpcError(admin.admin.updatePolicy({ params: policyAt650(), note: "   " })))).toEqual(["note"]);
    // The what-if refuses the same drafts.
    expect((await trpcError(admin.admin.policyWhatIf(notAtMinimum))).code).toBe("BAD_REQUEST");

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
