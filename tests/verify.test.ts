import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { creditProfiles, products } from "@/db/schema";
import { checkInvariants } from "@/server/services/verify/check-invariants";
import { seededDb, userId } from "./helpers";

describe("verify", () => {
  it("finds nothing wrong with the demo data", async () => {
    const { db } = await seededDb();
    expect(checkInvariants(db)).toEqual([]);
  });

  it("names each broken invariant", async () => {
    const { db } = await seededDb();
    db.update(creditProfiles).set({ usedCreditFen: 1 }).where(eq(creditProfiles.userId, userId(db, "bob@example.com"))).run();
    db.update(products).set({ stock: -1 }).where(eq(products.name, "Nimbus Wireless Mouse")).run();
    db.update(creditProfiles).set({ score: 999 }).where(eq(creditProfiles.userId, userId(db, "carol@example.com"))).run();
    db.run(sql`UPDATE instalments SET paid_principal_fen = amount_fen + 1 WHERE id = (SELECT MIN(id) FROM instalments WHERE state = 'open')`);
    db.run(sql`UPDATE instalments SET late_fee_fen = 99999 WHERE late_fee_fen > 0 AND id = (SELECT MIN(id) FROM instalments WHERE late_fee_fen > 0)`);
    const names = new Set(checkInvariants(db).map((v) => v.invariant));
    expect(names).toEqual(
      new Set([
        "used credit equals the unpaid principal of open instalments",
        "stock is never negative",
        "scores stay within 350–950",
        "a consumer's score is the result of their credit events",
        "nothing is paid beyond what was due",
        "an instalment marked paid owes nothing, an open one owes something",
        "allocations match what the instalments record as paid",
        "each late fee is within its cap",
      ]),
    );
  });
});
