// The what-if worked out by hand (test data, not used by the app), shared by the domain's unit test and the admin procedure's integration test (which
// stores the same five consumers): what raising the minimum score to 650 does to them.
import { DEFAULT_POLICY, type PolicyParams } from "./policy";

/** The default policy with its minimum raised to 650 and the lowest band dropped. */
export const policyAt650 = (): PolicyParams => ({
  ...structuredClone(DEFAULT_POLICY),
  minScore: 650,
  bands: structuredClone(DEFAULT_POLICY.bands.slice(1)),
});

/** Five consumers: dave owes ¥800 on one bill, kate ¥1,500 on two. */
export const FIVE_CONSUMERS = [
  { name: "carol", score: 520, openPrincipalFen: 0, openBills: 0 },
  { name: "dave", score: 610, openPrincipalFen: 80_000, openBills: 1 },
  { name: "bob", score: 640, openPrincipalFen: 0, openBills: 0 },
  { name: "kate", score: 660, openPrincipalFen: 150_000, openBills: 2 },
  { name: "alice", score: 760, openPrincipalFen: 0, openBills: 0 },
] as const;

/** The five under policyAt650(), against the default policy. */
export const RAISED_TO_650 = {
  summary: {
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
  },
  losing: ["dave", "bob"],
  fallingWithOpenBills: ["dave"],
};
