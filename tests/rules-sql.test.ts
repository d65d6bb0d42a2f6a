// The SQL twins of server/sql/rules.ts agree with the domain functions they mirror: days past due and the aging
// buckets of receivables, over the demo data seen on many days.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { instalments, stores } from "@/db/schema";
import { first } from "@/db/query";
import { localDate } from "@/server/calendar";
import { agingBucket, instalmentStanding, owedFen } from "@/server/domain/instalments";
import { listOverdue } from "@/server/services/receivables/overdue-list";
import { receivablesSummary } from "@/server/services/receivables/summary";
import { seededDb, SEED_NOW } from "./helpers";

const DAY = 86_400_000;

describe("days past due and aging in SQL", () => {
  it("bucket every overdue amount by days past due from the due date, as instalmentStanding does", async () => {
    const { db } = await seededDb();
    const lumen = (await first(db.select().from(stores).where(eq(stores.slug, "lumen-electronics"))))!;
    const rows = await db.select().from(instalments).where(eq(instalments.state, "open"));
    // Around every bucket boundary: a day inside the grace is not aged, the first day past 30 days past due is 31–60.
    for (const offset of [0, 1, 2, 3, 5, 8, 13, 21, 27, 29, 34, 55, 62, 89, 95]) {
      const now = new Date(SEED_NOW.getTime() + offset * DAY);
      const today = localDate(now);
      const expected = { d1_30: 0, d31_60: 0, d61_90: 0, d91_plus: 0 };
      for (const row of rows) {
        const standing = instalmentStanding(row, today);
        if (standing.status === "overdue") expected[agingBucket(standing.daysPastDue)!] += owedFen(row);
      }
      expect((await receivablesSummary(db, { storeId: null, now })).aging, `aging on ${today}`).toEqual(expected);

      const listed = await listOverdue(db, { storeId: lumen.id, now, sort: "days", dir: "desc", limit: 100 });
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const item of listed.items)
        expect(item.daysPastDue, `${item.orderNumber} on ${today}`).toBe(instalmentStanding(byId.get(item.instalmentId)!, today).daysPastDue);
      expect(listed.items.length).toBe(rows.filter((r) => r.storeId === lumen.id && instalmentStanding(r, today).status === "overdue").length);
    }
  });
});
