// Scenario 3: receivables figures at scale (run `npm run seed:large` first): `npx tsx bench/receivables.ts [file-or-url]`
// (default data/large.db on SQLite, DATABASE_URL's database on PostgreSQL).
// The floor is the cheapest query that must touch the same rows: counting the store's open instalments.
import { sql } from "drizzle-orm";
import { closeDb, openDb } from "@/db/client";
import { row, rows as queryRows } from "@/db/query";
import { receivablesSummary } from "@/server/services/receivables/summary";
import { listOverdue } from "@/server/services/receivables/overdue-list";
import { storeReceivables } from "@/server/services/admin/store-receivables";
import { databaseArg, describeDatabase } from "@/scripts/database";
import { measure, ms, printTable, writeResults, type Row } from "./lib";

const url = databaseArg(process.argv[2], "data/large.db");
const db = openDb(url);
const now = new Date();
const largest = (await row<{ store_id: number; n: number }>(
  db,
  sql`SELECT store_id, COUNT(*) AS n FROM instalments GROUP BY store_id ORDER BY n DESC LIMIT 1`,
))!;
const total = (await row<{ n: number }>(db, sql`SELECT COUNT(*) AS n FROM instalments`))!.n;

const floor = await measure("floor: count open instalments of the store", () =>
  row(db, sql`SELECT COUNT(*) FROM instalments WHERE store_id = ${largest.store_id} AND state = 'open'`),
);
const merchant = await measure("merchant receivables summary", () => receivablesSummary(db, { storeId: largest.store_id, now }));
const platform = await measure("platform receivables summary", () => receivablesSummary(db, { storeId: null, now }), { iterations: 10 });
const perStore = await measure("admin per-store receivables", () => storeReceivables(db, now), { iterations: 10 });
// Overdue list: the first page, and a page reached by following the cursor 20 pages deep.
const page = (cursor: string | null) => listOverdue(db, { storeId: largest.store_id, now, sort: "days", dir: "desc", cursor, limit: 50 });
let deepCursor: string | null = null;
for (let i = 0; i < 20; i++) deepCursor = (await page(deepCursor)).nextCursor;
// The list's floor: 51 instalments joined to their bills, orders and consumers by primary key, the joins every
// page makes. Sub-millisecond figures need a long warm-up: the async path is still being compiled after 20 pages.
const listFloor = await measure(
  "floor: 51 instalments with their orders and consumers",
  () =>
    queryRows(
      db,
      sql`SELECT i.id, i.amount_fen, i.due_date, o.number, u.name FROM instalments i JOIN bills b ON b.id = i.bill_id
        JOIN orders o ON o.id = b.order_id JOIN users u ON u.id = i.consumer_id WHERE i.id > ${Math.floor(total / 2)} ORDER BY i.id LIMIT 51`,
    ),
  { iterations: 200, warmup: 200 },
);
const first = await measure("overdue list first page", () => page(null), { iterations: 200, warmup: 200 });
const deep = await measure("overdue list page 21", () => page(deepCursor), { iterations: 200, warmup: 200 });

const rows: Row[] = [
  {
    scenario: "receivables",
    metric: `floor (${largest.n.toLocaleString("en")} instalments in store)`,
    value: ms(floor.p50Ms),
    target: "—",
    met: null,
  },
  { scenario: "receivables", metric: "merchant summary p50", value: ms(merchant.p50Ms), target: "≤ 50 ms", met: merchant.p50Ms <= 50 },
  {
    scenario: "receivables",
    metric: "merchant summary / floor",
    value: `${(merchant.p50Ms / Math.max(floor.p50Ms, 0.001)).toFixed(1)}×`,
    target: "—",
    met: null,
  },
  {
    scenario: "receivables",
    metric: `platform summary p50 (${total.toLocaleString("en")} instalments)`,
    value: ms(platform.p50Ms),
    target: "≤ 200 ms",
    met: platform.p50Ms <= 200,
  },
  { scenario: "receivables", metric: "admin per-store receivables p50", value: ms(perStore.p50Ms), target: "≤ 200 ms", met: perStore.p50Ms <= 200 },
  { scenario: "receivables", metric: "overdue list first page p50", value: ms(first.p50Ms), target: "—", met: null },
  {
    scenario: "receivables",
    metric: "overdue list first page / its floor",
    value: `${(first.p50Ms / Math.max(listFloor.p50Ms, 0.001)).toFixed(1)}×`,
    target: "—",
    met: null,
  },
  {
    scenario: "receivables",
    metric: "overdue list page 21 p50",
    value: ms(deep.p50Ms),
    target: "≤ 1.2 × first",
    met: deep.p50Ms <= first.p50Ms * 1.2,
  },
];
printTable(rows);
writeResults("receivables", rows, { database: describeDatabase(url), samples: [floor, merchant, platform, perStore, listFloor, first, deep] });
await closeDb(db);
