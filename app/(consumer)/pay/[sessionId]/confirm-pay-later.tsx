"use client";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import { useTRPC } from "@/lib/trpc/react";
import { useShowFailure } from "@/lib/use-show-failure";
import type { PlanCode } from "@/server/domain/policy";
import { CancelSession } from "./cancel-session";

type Text = Record<
  "available" | "notAvailable" | "goCredit" | "plan" | "whenBilled" | "confirm" | "confirming" | "cancel" | "cancelling" | "redirecting",
  string
>;

/** The hosted page's choice of plan and its Confirm: the shopper is then sent back to the shop's successUrl. */
export function ConfirmPayLater({
  sessionId,
  refusal,
  plans,
  text,
}: {
  sessionId: string;
  refusal: { code: string; message: string } | null;
  plans: { code: PlanCode; label: string; terms: string }[];
  text: Text;
}) {
  const trpc = useTRPC();
  const showFailure = useShowFailure();
  const confirm = useMutation(trpc.pay.confirm.mutationOptions());
  const [planCode, setPlanCode] = useState<PlanCode>(plans[0]?.code ?? "pay_in_30");
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    try {
      const authorized = await confirm.mutateAsync({ sessionId, planCode });
      setLeaving(true);
      window.location.assign(authorized.redirectUrl);
    } catch (err) {
      setError(showFailure(err).message);
    }
  }

  if (refusal)
    return (
      <div className="space-y-3">
        <ErrorNotice>
          {text.notAvailable} {refusal.message}
          {refusal.code === "PAY_LATER_NOT_ENABLED" ? (
            <>
              {" "}
              <Link href="/account/credit" className="underline">
                {text.goCredit}
              </Link>
            </>
          ) : null}
        </ErrorNotice>
        <CancelSession sessionId={sessionId} variant="secondary" text={text} />
      </div>
    );

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <p className="text-sm text-emerald-800">{text.available}</p>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">{text.plan}</legend>
        {plans.map((plan) => (
          <label key={plan.code} className="flex min-h-11 items-start gap-3 rounded-lg border border-slate-200 p-3">
            <input
              type="radio"
              name="planCode"
              value={plan.code}
              checked={planCode === plan.code}
              onChange={() => setPlanCode(plan.code)}
              // Named by the plan alone (as at checkout); its terms describe it.
              aria-label={plan.label}
              aria-describedby={`plan-${plan.code}-terms`}
              className="mt-0.5 size-5"
            />
            <span>
              <span className="block font-medium">{plan.label}</span>
              <span id={`plan-${plan.code}-terms`} className="block text-sm text-slate-600">
                {plan.terms}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="text-sm text-slate-600">{text.whenBilled}</p>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      {leaving ? <StatusNotice>{text.redirecting}</StatusNotice> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={confirm.isPending || leaving}>
          {confirm.isPending ? text.confirming : text.confirm}
        </Button>
        <CancelSession sessionId={sessionId} text={text} />
      </div>
    </form>
  );
}
