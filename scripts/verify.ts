// `npm run verify [-- file-or-url]`: checks the money invariants over a database (default DATABASE_URL);
// exits non-zero naming each violation.
import { closeDb, openDb } from "@/db/client";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { databaseArg, describeDatabase } from "./database";

const url = databaseArg(process.argv[2]);
const db = openDb(url);
const violations = await checkInvariants(db);
await closeDb(db);
if (violations.length === 0) {
  console.log(`verify: ${describeDatabase(url)}: every invariant holds`);
} else {
  for (const v of violations) console.error(`VIOLATION ${v.invariant}: ${v.detail}`);
  console.error(`verify: ${violations.length} violation(s) in ${describeDatabase(url)}`);
  process.exit(1);
}
