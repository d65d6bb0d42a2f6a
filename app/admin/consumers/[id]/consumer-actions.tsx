"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import type { PayLaterStatus } from "@/db/schema";
import { useText } from "@/lib/i18n/text";
import type { FieldErrors } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/react";
import { applyScoreDelta } from "@/server/domain/credit";
import { SCORE_MAX, SCORE_MIN } from "@/server/domain/policy";
import { useShowFailure } from "@/lib/use-show-failure";

type Consumer = { id: number; name: string; score: number; payLaterStatus: PayLaterStatus; agreementAccepted: boolean };

const parseWhole = (text: string): number | null => (/^\s*[-+−]?\d{1,4}\s*$/.test(text) ? Number(text.replace("−", "-")) : null);

export function AdjustScore({ consumer }: { consumer: Consumer }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [mode, setMode] = useState<"newScore" | "delta">("newScore");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState<{ input: Parameters<typeof adjust.mutateAsync>[0]; to: number } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const adjust = useMutation(trpc.admin.adjustScore.mutationOptions());
  const t = useText("adminConsumerActions");
  const showFailure = useShowFailure();

  function review(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(null);
    const value = parseWhole(amount);
    const errors: FieldErrors = {};
    if (value === null) errors.amount = [t("wholeNumber")];
    else if (mode === "newScore" && (value < SCORE_MIN || value > SCORE_MAX)) errors.amount = [t("scoreRange", { min: SCORE_MIN, max: SCORE_MAX })];
    else if (mode === "delta" && value === 0) errors.amount = [t("nonZero")];
    if (!reason.trim()) errors.reason = [t("adjustReasonMissing")];
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0 || value === null) return;
    const to = mode === "newScore" ? value : applyScoreDelta(consumer.score, value).score;
    const input = mode === "newScore" ? { consumerId: consumer.id, newScore: value, reason } : { consumerId: consumer.id, delta: value, reason };
    setPending({ input, to });
  }

  async function confirm() {
    if (!pending) return;
    try {
      const result = await adjust.mutateAsync(pending.input);
      const message = t("adjusted", { name: consumer.name, score: result.score, delta: `${result.delta > 0 ? "+" : "−"}${Math.abs(result.delta)}` });
      setDone(message);
      setAmount("");
      setReason("");
      router.refresh();
    } catch (err) {
      const described = showFailure(err);
      setError(described.message);
      setFieldErrors(described.fieldErrors);
    } finally {
      setPending(null);
    }
  }

  return (
    <Card title={t("adjustTitle")}>
      <form onSubmit={review} noValidate className="space-y-4">
        {error ? <ErrorNotice>{error}</ErrorNotice> : null}
        {done ? <StatusNotice>{done}</StatusNotice> : null}
        <fieldset className="flex flex-wrap gap-4 text-sm">
          <legend className="sr-only">{t("howToAdjust")}</legend>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="mode" className="size-4" checked={mode === "newScore"} onChange={() => setMode("newScore")} /> {t("setScore")}
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="mode" className="size-4" checked={mode === "delta"} onChange={() => setMode("delta")} /> {t("changeBy")}
          </label>
        </fieldset>
        <Field
          id="amount"
          label={mode === "newScore" ? t("newScore") : t("points")}
          inputMode="numeric"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          hint={t("scoreHint", { score: consumer.score, min: SCORE_MIN, max: SCORE_MAX })}
          error={fieldErrors.amount?.[0] ?? fieldErrors.newScore?.[0] ?? fieldErrors.delta?.[0]}
        />
        <Field
          id="reason"
          label={t("reason")}
          value={reason}
          maxLength={300}
          onChange={(e) => setReason(e.target.value)}
          error={fieldErrors.reason?.[0]}
        />
        {pending ? (
          <ConfirmAction confirmLabel={t("confirmAdjust")} onConfirm={confirm} onCancel={() => setPending(null)} pending={adjust.isPending}>
            {t("askAdjust", { name: consumer.name, from: consumer.score, to: pending.to, reason: reason.trim() })}
          </ConfirmAction>
        ) : (
          <Button type="submit">{t("adjust")}</Button>
        )}
      </form>
    </Card>
  );
}

export function PayLaterControl({ consumer }: { consumer: Consumer }) {
  const trpc = useTRPC();
  const router = useRouter();
  const suspended = consumer.payLaterStatus === "suspended";
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const suspend = useMutation(trpc.admin.suspendPayLater.mutationOptions());
  const reinstate = useMutation(trpc.admin.reinstatePayLater.mutationOptions());
  const mutation = suspended ? reinstate : suspend;
  const t = useText("adminConsumerActions");
  const showFailure = useShowFailure();

  function review(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    setError(null);
    setReasonError(reason.trim() ? undefined : t("suspendReasonMissing"));
    if (reason.trim()) setConfirming(true);
  }

  async function confirm() {
    try {
      const result = await mutation.mutateAsync({ consumerId: consumer.id, reason });
      const message = t(
        result.payLaterStatus === "suspended" ? "suspended" : result.payLaterStatus === "enabled" ? "reinstated" : "liftedNoAgreement",
        { name: consumer.name },
      );
      setDone(message);
      setReason("");
      router.refresh();
    } catch (err) {
      setError(showFailure(err).message);
    } finally {
      setConfirming(false);
    }
  }

  const verb = suspended ? t("reinstate") : t("suspend");
  return (
    <Card title={t("payLaterTitle")}>
      <form onSubmit={review} noValidate className="space-y-4">
        {error ? <ErrorNotice>{error}</ErrorNotice> : null}
        {done ? <StatusNotice>{done}</StatusNotice> : null}
        <p className="text-sm text-slate-600">
          {suspended ? (consumer.agreementAccepted ? t("reinstateBody") : t("reinstateBodyNoAgreement")) : t("suspendBody")}
        </p>
        <Field
          id="suspension-reason"
          label={suspended ? t("whyReinstate") : t("whySuspend")}
          value={reason}
          maxLength={300}
          onChange={(e) => setReason(e.target.value)}
          error={reasonError}
        />
        {confirming ? (
          <ConfirmAction
            confirmLabel={suspended ? t("confirmReinstate") : t("confirmSuspend")}
            tone={suspended ? "primary" : "danger"}
            onConfirm={confirm}
            onCancel={() => setConfirming(false)}
            pending={mutation.isPending}
          >
            {t(suspended ? "askReinstate" : "askSuspend", { name: consumer.name })}
          </ConfirmAction>
        ) : (
          <Button type="submit" variant={suspended ? "primary" : "danger"}>
            {verb}
          </Button>
        )}
      </form>
    </Card>
  );
}
