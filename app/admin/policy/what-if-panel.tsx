"use client";
import { useEffect, useMemo, useState } from "react";
import Link from "next/link";
import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import { useWatch, type Control } from "react-hook-form";
import { formatFen } from "@/lib/format";
import { labelForPath, issueText, policyDiffWords, type Translate } from "@/components/admin/policy-words";
import { useErrorText, useText } from "@/lib/i18n/text";
import { describeError } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/react";
import { policyParamsSchema, type PolicyParams, type PolicyUpdate } from "@/server/domain/policy";
import { diffPolicies } from "@/server/domain/policy-diff";
import type { WhatIfConsumer } from "@/server/domain/what-if";

const DEBOUNCE_MS = 350;

function signedFen(fen: number, t: Translate): string {
  if (fen === 0) return t("noChange");
  return `${fen > 0 ? "+" : "−"}${formatFen(Math.abs(fen))}`;
}

function ConsumerList({
  label,
  consumers,
  total,
  showOwed = false,
}: {
  label: string;
  consumers: WhatIfConsumer[];
  total: number;
  showOwed?: boolean;
}) {
  const t = useText("adminWhatIf");
  return (
    <div>
      <h4 className="text-sm font-medium text-slate-700">
        {label} ({total})
      </h4>
      {consumers.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">{t("nobody")}</p>
      ) : (
        <ul aria-label={label} className="mt-1 divide-y divide-slate-100 text-sm">
          {consumers.map((c) => (
            <li key={c.userId} className="flex items-center justify-between gap-2 py-1.5">
              <Link href={`/admin/consumers/${c.userId}`} className="truncate text-brand-700 underline">
                {c.name}
              </Link>
              <span className="shrink-0 tabular-nums text-slate-600">
                {t("score", { score: c.score })}
                {showOwed ? ` · ${t("owes", { amount: formatFen(c.openPrincipalFen) })}` : ""}
              </span>
            </li>
          ))}
          {total > consumers.length ? <li className="py-1.5 text-slate-500">{t("more", { count: total - consumers.length })}</li> : null}
        </ul>
      )}
    </div>
  );
}

/** Live effect of the draft policy on today's consumers, recomputed on the server as the admin edits. */
export function WhatIfPanel({
  control,
  current,
  id = "what-if",
  className = "",
}: {
  control: Control<PolicyUpdate>;
  current: { version: number; params: PolicyParams };
  id?: string;
  className?: string;
}) {
  const trpc = useTRPC();
  const t = useText("adminWhatIf");
  const tw = useText("adminPolicyWords");
  const locale = useText("staff")("locale");
  const errorText = useErrorText();
  const params = useWatch({ control, name: "params" });
  const serialized = JSON.stringify(params);
  const [debounced, setDebounced] = useState(serialized);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(serialized), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [serialized]);

  const parsed = useMemo(() => policyParamsSchema.safeParse(JSON.parse(debounced)), [debounced]);
  const draft = parsed.success ? parsed.data : null;
  const changes = useMemo(() => (draft ? diffPolicies(current.params, draft, policyDiffWords(tw, locale)) : []), [draft, current.params, tw, locale]);
  const whatIf = useQuery({ ...trpc.admin.policyWhatIf.queryOptions(draft ?? skipToken), placeholderData: keepPreviousData });
  const result = whatIf.data;
  const updating = serialized !== debounced || whatIf.isFetching;

  return (
    <section
      aria-labelledby={`${id}-heading`}
      aria-busy={updating}
      className={`space-y-4 rounded-xl border border-brand-100 bg-white p-5 shadow-sm ${className}`}
    >
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-base font-semibold text-slate-800">
          {t("title")}
        </h2>
        <span className="text-xs text-slate-500" aria-live="polite">
          {updating ? t("updating") : t("against", { version: current.version })}
        </span>
      </div>

      {!parsed.success ? (
        <div className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">{t("fix")}</p>
          <ul className="mt-1 list-disc pl-5">
            {parsed.error.issues.slice(0, 6).map((issue, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the issues of one parse, rebuilt whole on each edit, never reordered
              <li key={i}>
                {labelForPath(issue.path, tw)}
                {tw("colon")}
                {issueText(issue.message, tw, locale)}
              </li>
            ))}
          </ul>
        </div>
      ) : changes.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noChanges")}</p>
      ) : null}

      {draft && draft.startingScore < draft.minScore ? (
        <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          {t("startBelowMin", { start: draft.startingScore, min: draft.minScore })}
        </p>
      ) : null}

      {whatIf.error ? <p className="text-sm text-red-700">{errorText(describeError(whatIf.error))}</p> : null}

      {result && draft ? (
        <div className={`space-y-4 ${!parsed.success ? "opacity-50" : ""}`}>
          <dl className="grid grid-cols-2 gap-3">
            <div className="rounded-lg bg-slate-50 p-3">
              <dt className="text-xs font-medium text-slate-500">{t("eligible")}</dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums">
                {result.eligibleBefore} → {result.eligibleAfter}
              </dd>
              <dd className="text-xs text-slate-600">
                <span className="text-emerald-700">{t("gain", { count: result.gaining })}</span> ·{" "}
                <span className="text-red-700">{t("lose", { count: result.losing })}</span> · {t("of", { count: result.consumers })}
              </dd>
            </div>
            <div className="rounded-lg bg-slate-50 p-3">
              <dt className="text-xs font-medium text-slate-500">{t("totalLimits")}</dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums">{formatFen(result.totalLimitAfterFen)}</dd>
              <dd className="text-xs text-slate-600">
                {t("fromAmount", {
                  change: signedFen(result.totalLimitAfterFen - result.totalLimitBeforeFen, t),
                  amount: formatFen(result.totalLimitBeforeFen),
                })}
              </dd>
            </div>
            <div className="rounded-lg bg-slate-50 p-3">
              <dt className="text-xs font-medium text-slate-500">{t("raisedLowered")}</dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums">
                {result.limitRaised} / {result.limitLowered}
              </dd>
            </div>
            <div className="rounded-lg bg-slate-50 p-3">
              <dt className="text-xs font-medium text-slate-500">{t("overLimit")}</dt>
              <dd className={`mt-1 text-lg font-semibold tabular-nums ${result.overNewLimit > 0 ? "text-red-700" : ""}`}>{result.overNewLimit}</dd>
              <dd className="text-xs text-slate-600">{t("overLimitHint")}</dd>
            </div>
          </dl>
          <ConsumerList label={t("losing")} consumers={result.losingConsumers} total={result.losing} />
          <ConsumerList label={t("falling")} consumers={result.fallingWithOpenBillsConsumers} total={result.fallingWithOpenBills} showOwed />
          {result.fallingWithOpenBills > 0 ? (
            <p className="text-xs text-slate-600">{t("fallingNote", { amount: formatFen(result.fallingWithOpenBillsPrincipalFen) })}</p>
          ) : null}
          {changes.length > 0 ? (
            <div>
              <h4 className="text-sm font-medium text-slate-700">{t("yourChanges")}</h4>
              <ul className="mt-1 space-y-1 text-sm text-slate-700">
                {changes.map((c) => (
                  <li key={c.key}>
                    <span className="font-medium">
                      {c.label}
                      {tw("colon")}
                    </span>
                    {c.before ?? "—"} → {c.after ?? tw("removed")}
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
