"use client";
import { useEffect, useMemo, useState } from "react";
import Link from "next/link";
import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import { useWatch, type Control } from "react-hook-form";
import { formatFen } from "@/lib/format";
import { describeError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/react";
import { policyParamsSchema, type PolicyParams, type PolicyUpdate } from "@/server/domain/policy";
import { diffPolicies } from "@/server/domain/policy-diff";
import type { WhatIfConsumer } from "@/server/domain/what-if";
import { labelForPath } from "./policy-labels";

const DEBOUNCE_MS = 350;

function signedFen(fen: number): string {
  if (fen === 0) return "no change";
  return `${fen > 0 ? "+" : "−"}${formatFen(Math.abs(fen))}`;
}

function ConsumerList({ label, consumers, total, showOwed = false }: { label: string; consumers: WhatIfConsumer[]; total: number; showOwed?: boolean }) {
  return (
    <div>
      <h4 className="text-sm font-medium text-slate-700">{label} ({total})</h4>
      {consumers.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">Nobody.</p>
      ) : (
        <ul aria-label={label} className="mt-1 divide-y divide-slate-100 text-sm">
          {consumers.map((c) => (
            <li key={c.userId} className="flex items-center justify-between gap-2 py-1.5">
              <Link href={`/admin/consumers/${c.userId}`} className="truncate text-brand-700 underline">
                {c.name}
              </Link>
              <span className="shrink-0 tabular-nums text-slate-600">
                score {c.score}
                {showOwed ? ` · owes ${formatFen(c.openPrincipalFen)}` : ""}
              </span>
            </li>
          ))}
          {total > consumers.length ? <li className="py-1.5 text-slate-500">and {total - consumers.length} more</li> : null}
        </ul>
      )}
    </div>
  );
}

/** Live effect of the draft policy on today's consumers, recomputed on the server as the admin edits. */
export function WhatIfPanel({ control, current, id = "what-if", className = "" }: { control: Control<PolicyUpdate>; current: { version: number; params: PolicyParams }; id?: string; className?: string }) {
  const trpc = useTRPC();
  const params = useWatch({ control, name: "params" });
  const serialized = JSON.stringify(params);
  const [debounced, setDebounced] = useState(serialized);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(serialized), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [serialized]);

  const parsed = useMemo(() => policyParamsSchema.safeParse(JSON.parse(debounced)), [debounced]);
  const draft = parsed.success ? parsed.data : null;
  const changes = useMemo(() => (draft ? diffPolicies(current.params, draft) : []), [draft, current.params]);
  const whatIf = useQuery({ ...trpc.admin.policyWhatIf.queryOptions(draft ?? skipToken), placeholderData: keepPreviousData });
  const result = whatIf.data;
  const updating = serialized !== debounced || whatIf.isFetching;

  return (
    <section aria-labelledby={`${id}-heading`} aria-busy={updating} className={`space-y-4 rounded-xl border border-brand-100 bg-white p-5 shadow-sm ${className}`}>
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-base font-semibold text-slate-800">What-if</h2>
        <span className="text-xs text-slate-500" aria-live="polite">{updating ? "Updating…" : `against version ${current.version} in force`}</span>
      </div>

      {!parsed.success ? (
        <div className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">Fix these to see the effect:</p>
          <ul className="mt-1 list-disc pl-5">
            {parsed.error.issues.slice(0, 6).map((issue, i) => (
              <li key={i}>
                {labelForPath(issue.path)}: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      ) : changes.length === 0 ? (
        <p className="text-sm text-slate-600">No changes yet: edit the policy and its effect on today's consumers appears here.</p>
      ) : null}

      {whatIf.error ? <p className="text-sm text-red-700">{describeError(whatIf.error).message}</p> : null}

      {result && draft ? (
        <div className={`space-y-4 ${!parsed.success ? "opacity-50" : ""}`}>
          <dl className="grid grid-cols-2 gap-3">
            <div className="rounded-lg bg-slate-50 p-3">
              <dt className="text-xs font-medium text-slate-500">Eligible consumers</dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums">
                {result.eligibleBefore} → {result.eligibleAfter}
              </dd>
              <dd className="text-xs text-slate-600">
                <span className="text-emerald-700">+{result.gaining} gain</span> · <span className="text-red-700">−{result.losing} lose</span> · of {result.consumers}
              </dd>
            </div>
            <div className="rounded-lg bg-slate-50 p-3">
              <dt className="text-xs font-medium text-slate-500">Total credit limits</dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums">{formatFen(result.totalLimitAfterFen)}</dd>
              <dd className="text-xs text-slate-600">
                {signedFen(result.totalLimitAfterFen - result.totalLimitBeforeFen)} from {formatFen(result.totalLimitBeforeFen)}
              </dd>
            </div>
            <div className="rounded-lg bg-slate-50 p-3">
              <dt className="text-xs font-medium text-slate-500">Limits raised / lowered</dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums">
                {result.limitRaised} / {result.limitLowered}
              </dd>
            </div>
            <div className="rounded-lg bg-slate-50 p-3">
              <dt className="text-xs font-medium text-slate-500">Newly over their limit</dt>
              <dd className={`mt-1 text-lg font-semibold tabular-nums ${result.overNewLimit > 0 ? "text-red-700" : ""}`}>{result.overNewLimit}</dd>
              <dd className="text-xs text-slate-600">owe more than the new limit</dd>
            </div>
          </dl>
          <ConsumerList label="Would lose eligibility" consumers={result.losingConsumers} total={result.losing} />
          <ConsumerList
            label="With open bills, falling below the threshold"
            consumers={result.fallingWithOpenBillsConsumers}
            total={result.fallingWithOpenBills}
            showOwed
          />
          {result.fallingWithOpenBills > 0 ? (
            <p className="text-xs text-slate-600">
              Their {formatFen(result.fallingWithOpenBillsPrincipalFen)} of open bills keep their terms; they cannot start new pay-later orders.
            </p>
          ) : null}
          {changes.length > 0 ? (
            <div>
              <h4 className="text-sm font-medium text-slate-700">Your changes</h4>
              <ul className="mt-1 space-y-1 text-sm text-slate-700">
                {changes.map((c) => (
                  <li key={c.key}>
                    <span className="font-medium">{c.label}:</span> {c.before ?? "—"} → {c.after ?? "removed"}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
