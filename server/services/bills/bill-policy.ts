import type { Db } from "@/db/client";
import type { PolicyParams } from "@/server/domain/policy";
import { policyByVersion } from "@/server/services/policy/current-policy";

/** Looks up each bill's policy version once per call: bills keep the terms they were made with. */
export function billPolicies(db: Db): (version: number) => Promise<PolicyParams> {
  const seen = new Map<number, PolicyParams>();
  return async (version) => {
    let params = seen.get(version);
    if (!params) {
      params = (await policyByVersion(db, version)).params;
      seen.set(version, params);
    }
    return params;
  };
}
