"use client";
import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import { formatFen } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { useFieldErrorText, useText } from "@/lib/i18n/text";
import { fenToDecimal, parseYuanToFen } from "@/server/domain/money";
import { useShowFailure } from "@/lib/use-show-failure";

type Choice = "next" | "full" | "other";

/** A fresh key per intended payment; getRandomValues also works where randomUUID is unavailable (plain http). */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function RepayPanel({
  billId,
  orderNumber,
  owedFen,
  nextInstalmentFen,
}: {
  billId: number;
  orderNumber: string;
  owedFen: number;
  nextInstalmentFen: number;
}) {
  const trpc = useTRPC();
  const t = useText("bills");
  const showFailure = useShowFailure();
  const fieldText = useFieldErrorText();
  const router = useRouter();
  const id = useId();
  const offerNext = nextInstalmentFen > 0 && nextInstalmentFen < owedFen;
  const presetFen = (choice: Choice) => (choice === "next" && offerNext ? nextInstalmentFen : owedFen);

  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<Choice>(offerNext ? "next" : "full");
  const [amount, setAmount] = useState(fenToDecimal(presetFen(offerNext ? "next" : "full")));
  const [cardNumber, setCardNumber] = useState("");
  // One key per intended payment: a double click or a retried request cannot pay twice.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string | undefined>>({});
  const [success, setSuccess] = useState<string | null>(null);

  const repay = useMutation(trpc.bills.repay.mutationOptions());

  function choose(next: Choice) {
    setChoice(next);
    if (next !== "other") setAmount(fenToDecimal(presetFen(next)));
  }

  function toggle() {
    if (!open) {
      const initial: Choice = offerNext ? "next" : "full";
      setChoice(initial);
      setAmount(fenToDecimal(presetFen(initial)));
      setSuccess(null);
    }
    setError(null);
    setFieldErrors({});
    setOpen(!open);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSuccess(null);
    const amountFen = parseYuanToFen(amount);
    if (amountFen === null || amountFen < 1) {
      setFieldErrors({ amount: t("amountInvalid") });
      setError(t("fixFields"));
      return;
    }
    setFieldErrors({});
    try {
      const result = await repay.mutateAsync({ billId, amountFen, cardNumber, idempotencyKey });
      const message = `${t("received", { amount: formatFen(result.amountFen) })}${result.billPaid ? t("paidInFull") : ""}${result.payLaterReinstated ? t("reinstated") : ""}`;
      setSuccess(message);
      setIdempotencyKey(newIdempotencyKey());
      setOpen(false);
      // A bill paid in full leaves the open list (and this panel with it): the page confirms the payment instead.
      if (result.billPaid) router.replace(`/account/bills?paid=${result.amountFen}${result.payLaterReinstated ? "&reinstated=1" : ""}`);
      // A new URL alone keeps the layout as it was; the refresh also brings the header's count and past-due badge up to date.
      router.refresh();
    } catch (failure) {
      const described = showFailure(failure);
      // A refusal means nothing was recorded, so the next attempt is a new payment; after a lost
      // response the same key is kept, so retrying cannot pay twice.
      if (described.code !== null) setIdempotencyKey(newIdempotencyKey());
      setFieldErrors({
        amount: fieldText("amount", described.fieldErrors.amountFen?.[0]),
        card: fieldText("card", described.fieldErrors.cardNumber?.[0]),
      });
      setError(described.message);
    }
  }

  const panelId = `${id}-panel`;
  return (
    <div className="space-y-3">
      {success ? <StatusNotice>{success}</StatusNotice> : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700">
          {t("owedOnBill")} <strong className="tabular-nums">{formatFen(owedFen)}</strong>
        </p>
        <Button aria-expanded={open} aria-controls={panelId} variant={open ? "secondary" : "primary"} onClick={toggle}>
          {open ? t("close") : t("repay")}
        </Button>
      </div>
      {open ? (
        <form
          id={panelId}
          aria-label={t("repayOrder", { order: orderNumber })}
          onSubmit={submit}
          className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4"
          noValidate
        >
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">{t("howMuch")}</legend>
            {offerNext ? (
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input type="radio" name={`${id}-choice`} checked={choice === "next"} onChange={() => choose("next")} />
                {t("next", { amount: formatFen(nextInstalmentFen) })}
              </label>
            ) : null}
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name={`${id}-choice`} checked={choice === "full"} onChange={() => choose("full")} />
              {t("whole", { amount: formatFen(owedFen) })}
            </label>
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name={`${id}-choice`} checked={choice === "other"} onChange={() => choose("other")} />
              {t("other")}
            </label>
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              id={`${id}-amount`}
              label={t("amount")}
              hint={t("amountHint")}
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              error={fieldErrors.amount}
              onChange={(e) => {
                setAmount(e.target.value);
                setChoice("other");
              }}
            />
            <Field
              id={`${id}-card`}
              label={t("card")}
              hint={t("cardHint")}
              inputMode="numeric"
              autoComplete="cc-number"
              value={cardNumber}
              error={fieldErrors.card}
              onChange={(e) => setCardNumber(e.target.value)}
            />
          </div>
          {error ? <ErrorNotice>{error}</ErrorNotice> : null}
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={repay.isPending}>
              {repay.isPending ? t("paying") : t("confirm")}
            </Button>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
