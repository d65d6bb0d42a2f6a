"use client";
import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import { useFieldErrorText, useText } from "@/lib/i18n/text";
import { useTRPC } from "@/lib/trpc/react";
import { useShowFailure } from "@/lib/use-show-failure";

type Props = { cardLast4: string | null; enabled: boolean; testCards: { approves: string; declines: string } };

/** Save or replace the card, switch autopay on or off (at once), remove the card (confirmed first). */
export function AutopayControls({ cardLast4, enabled, testCards }: Props) {
  const trpc = useTRPC();
  const t = useText("autopay");
  const fieldText = useFieldErrorText();
  const showFailure = useShowFailure();
  const router = useRouter();
  const id = useId();
  const [editing, setEditing] = useState(cardLast4 === null);
  const [cardNumber, setCardNumber] = useState("");
  const [cardError, setCardError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation(trpc.autopay.saveCard.mutationOptions());
  const toggle = useMutation(trpc.autopay.setEnabled.mutationOptions());
  const remove = useMutation(trpc.autopay.removeCard.mutationOptions());

  function succeeded(message: string) {
    setError(null);
    setDone(message);
    router.refresh();
  }

  function failed(failure: unknown) {
    const described = showFailure(failure);
    setCardError(fieldText("card", described.fieldErrors.cardNumber?.[0]));
    setError(described.message);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    try {
      const saved = await save.mutateAsync({ cardNumber });
      setCardNumber("");
      setCardError(undefined);
      setEditing(false);
      succeeded(t("saved", { last4: saved.cardLast4 ?? "" }));
    } catch (failure) {
      failed(failure);
    }
  }

  async function setAutopay(next: boolean) {
    setDone(null);
    try {
      await toggle.mutateAsync({ enabled: next });
      succeeded(next ? t("turnedOn", { last4: cardLast4 ?? "" }) : t("turnedOff"));
    } catch (failure) {
      failed(failure);
    }
  }

  async function removeCard() {
    setDone(null);
    try {
      await remove.mutateAsync();
      setEditing(true);
      succeeded(t("removed"));
    } catch (failure) {
      failed(failure);
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t("cardHeading")}
      </h2>
      {done ? <StatusNotice>{done}</StatusNotice> : null}
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      {cardLast4 !== null ? (
        <div className="flex flex-wrap items-center gap-4">
          <p className="text-sm text-slate-800">{t("cardOnFile", { last4: cardLast4 })}</p>
          <label className="flex min-h-11 items-center gap-3 text-sm font-medium">
            <button
              type="button"
              role="switch"
              aria-checked={enabled}
              aria-label={t("switch")}
              disabled={toggle.isPending}
              onClick={() => setAutopay(!enabled)}
              className={`relative inline-flex h-7 w-12 items-center rounded-full transition focus-visible:outline-2 focus-visible:outline-offset-2 ${enabled ? "bg-brand-600" : "bg-slate-300"}`}
            >
              <span className={`inline-block h-5 w-5 rounded-full bg-white shadow transition ${enabled ? "translate-x-6" : "translate-x-1"}`} />
            </button>
            <span aria-hidden="true">{enabled ? t("switchOn") : t("switchOff")}</span>
          </label>
          {!editing ? (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t("replace")}
            </Button>
          ) : null}
          <ConfirmDialog
            trigger={t("remove")}
            title={t("removeTitle", { last4: cardLast4 })}
            description={t("removeBody")}
            confirmLabel={t("removeConfirm")}
            cancelLabel={t("keep")}
            variant="danger"
            pending={remove.isPending}
            onConfirm={removeCard}
          />
        </div>
      ) : null}
      {editing ? (
        <form onSubmit={submit} aria-label={t("formLabel")} className="space-y-3" noValidate>
          <Field
            id={`${id}-card`}
            label={t("cardNumber")}
            hint={t("cardHint", { approves: testCards.approves, declines: testCards.declines })}
            inputMode="numeric"
            autoComplete="cc-number"
            value={cardNumber}
            error={cardError}
            onChange={(e) => setCardNumber(e.target.value)}
          />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? t("saving") : t("save")}
            </Button>
            {cardLast4 !== null ? (
              <Button variant="ghost" onClick={() => setEditing(false)}>
                {t("cancel")}
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
