// `npm run verify`: checks the money invariants over a database; exits non-zero naming each violation.
import { databasePath, openDb } from "@/db/client";
import { checkInvariants } from "@/server/services/verify/check-invariants";

const file = process.argv[2] ?? databasePath();
const db = openDb(file);
const violations = checkInvariants(db);
db.$client.close();
if (violations.length === 0) {
  console.log(`verify: ${file}: every invariant holds`);
} else {
  for (const v of violations) console.error(`VIOLATION ${v.invariant}: ${v.detail}`);
  console.error(`verify: ${violations.length} violation(s) in ${file}`);
  process.exit(1);
}
