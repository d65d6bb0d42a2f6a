"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextAreaField } from "@/components/ui/field";
import { ErrorNotice, InfoNotice, StatusNotice } from "@/components/ui/notice";
import { useText } from "@/lib/i18n/text";
import type { FieldErrors } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/react";
import { fenToDecimal, formatFen, parseYuanToFen } from "@/server/domain/money";
import { useShowFailure } from "@/lib/use-show-failure";
import type { StoreSettings } from "@/server/domain/store-settings";

type Settings = {
  name: string;
  description: string;
  category: string;
  offerPayLater: boolean;
  payLaterForcedOff: boolean;
  payLaterForcedOffReason: string | null;
  payLaterMinFen: number | null;
  payLaterMaxFen: number | null;
};

/** Blank means no limit; anything else must be a yuan amount. */
function parseOptionalYuan(text: string): { fen: number | null; invalid?: true } {
  if (text.trim() === "") return { fen: null };
  const fen = parseYuanToFen(text);
  return fen === null ? { fen: null, invalid: true } : { fen };
}

type SettingsInput = StoreSettings;

export function StoreSettingsForm({ settings, openBills }: { settings: Settings; openBills: { billCount: number; owedFen: number } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useText("merchantSettingsForm");
  const tc = useText("staff");
  const showFailure = useShowFailure();
  const save = useMutation(trpc.merchant.updateSettings.mutationOptions());
  const [offerPayLater, setOfferPayLater] = useState(settings.offerPayLater && !settings.payLaterForcedOff);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  // Turning pay later off waits for a confirmation that says what happens to the open bills.
  const [confirmOff, setConfirmOff] = useState<SettingsInput | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setSaved(null);
    const min = parseOptionalYuan(String(form.get("payLaterMin") ?? ""));
    const max = parseOptionalYuan(String(form.get("payLaterMax") ?? ""));
    const local: FieldErrors = {};
    if (min.invalid) local.payLaterMinFen = [t("amountInvalid")];
    if (max.invalid) local.payLaterMaxFen = [t("amountInvalid")];
    if (!min.invalid && !max.invalid && min.fen !== null && max.fen !== null && min.fen > max.fen) local.payLaterMaxFen = [t("maxBelowMin")];
    setFieldErrors(local);
    if (Object.keys(local).length > 0) {
      setError(tc("fixFields"));
      return;
    }
    const input: SettingsInput = {
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? ""),
      category: String(form.get("category") ?? ""),
      offerPayLater,
      payLaterMinFen: min.fen,
      payLaterMaxFen: max.fen,
    };
    if (settings.offerPayLater && !settings.payLaterForcedOff && !offerPayLater) {
      setConfirmOff(input);
      return;
    }
    await submit(input);
  }

  async function submit(input: SettingsInput) {
    try {
      await save.mutateAsync(input);
    } catch (err) {
      const described = showFailure(err);
      setError(described.message);
      setFieldErrors(described.fieldErrors);
      return;
    } finally {
      setConfirmOff(null);
    }
    const message = input.offerPayLater ? t("savedPayLater") : t("saved");
    setSaved(message);
    router.refresh();
  }

  const yuan = (fen: number | null) => (fen === null ? "" : fenToDecimal(fen));
  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      {saved ? <StatusNotice>{saved}</StatusNotice> : null}
      <section aria-labelledby="profile-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="profile-heading" className="text-base font-semibold">
          {t("profile")}
        </h2>
        <Field id="name" name="name" label={t("storeName")} defaultValue={settings.name} required maxLength={80} error={fieldErrors.name?.[0]} />
        <TextAreaField
          id="description"
          name="description"
          label={t("description")}
          defaultValue={settings.description}
          maxLength={500}
          rows={3}
          error={fieldErrors.description?.[0]}
        />
        <Field
          id="category"
          name="category"
          label={t("category")}
          defaultValue={settings.category}
          required
          maxLength={40}
          error={fieldErrors.category?.[0]}
        />
      </section>

      <section aria-labelledby="pay-later-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="pay-later-heading" className="text-base font-semibold">
          {t("payLater")}
        </h2>
        {settings.payLaterForcedOff ? (
          <InfoNotice>
            <p>{t("forcedOff")}</p>
            {settings.payLaterForcedOffReason ? <p className="mt-1">{t("forcedOffReason", { reason: settings.payLaterForcedOffReason })}</p> : null}
            <p className="mt-1">
              <Link href="/merchant/support" className="underline">
                {t("contactSupport")}
              </Link>
            </p>
          </InfoNotice>
        ) : null}
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="checkbox"
            name="offerPayLater"
            checked={offerPayLater}
            disabled={settings.payLaterForcedOff}
            onChange={(event) => setOfferPayLater(event.target.checked)}
            className="h-5 w-5 accent-brand-600"
          />
          <span className="font-medium">{t("offer")}</span>
        </label>
        <p className="text-sm text-slate-600">{t("offerBody")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="payLaterMin"
            name="payLaterMin"
            label={t("min")}
            inputMode="decimal"
            defaultValue={yuan(settings.payLaterMinFen)}
            hint={t("minHint")}
            error={fieldErrors.payLaterMinFen?.[0]}
          />
          <Field
            id="payLaterMax"
            name="payLaterMax"
            label={t("max")}
            inputMode="decimal"
            defaultValue={yuan(settings.payLaterMaxFen)}
            hint={t("maxHint")}
            error={fieldErrors.payLaterMaxFen?.[0]}
          />
        </div>
      </section>

      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? t("saving") : t("save")}
      </Button>
      <Dialog open={confirmOff !== null} onClose={() => setConfirmOff(null)} title={t("offTitle")}>
        <div className="space-y-4 text-sm text-slate-700">
          <p>{t("offBody")}</p>
          <p>
            {openBills.billCount > 0 ? t("offOpenBills", { count: openBills.billCount, amount: formatFen(openBills.owedFen) }) : t("offNoOpenBills")}
          </p>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirmOff(null)}>
              {t("offKeep")}
            </Button>
            <Button variant="danger" onClick={() => confirmOff && submit(confirmOff)} disabled={save.isPending}>
              {save.isPending ? t("saving") : t("offConfirm")}
            </Button>
          </div>
        </div>
      </Dialog>
    </form>
  );
}
