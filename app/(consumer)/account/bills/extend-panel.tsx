"use client";
import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/lib/toast";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/notice";
import { formatDate, formatFen } from "@/lib/format";
import { useText, useTextLocale } from "@/lib/i18n/text";
import { useTRPC } from "@/lib/trpc/react";
import { useShowFailure } from "@/lib/use-show-failure";

type Preview = {
  instalmentId: number;
  seq: number;
  fromDate: string;
  toDate: string;
  feeFen: number;
  schedule: { seq: number; dueDate: string; moved: boolean }[];
};

function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Move one upcoming instalment's due date: choose it and the days, see the new schedule, then confirm. */
export function ExtendPanel({
  orderNumber,
  instalments,
  maxDays,
  feeFen,
}: {
  orderNumber: string;
  instalments: { id: number; seq: number; dueDate: string }[];
  maxDays: number;
  feeFen: number;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const t = useText("extension");
  const locale = useTextLocale();
  const showFailure = useShowFailure();
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [instalmentId, setInstalmentId] = useState(instalments[0]?.id ?? 0);
  const [days, setDays] = useState(String(maxDays));
  const [cardNumber, setCardNumber] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const extend = useMutation(trpc.bills.extendDueDate.mutationOptions());
  const [previewing, setPreviewing] = useState(false);

  async function showSchedule(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setPreview(null);
    setPreviewing(true);
    try {
      setPreview(await queryClient.fetchQuery(trpc.bills.previewExtension.queryOptions({ instalmentId, days: Number(days) }, { staleTime: 0 })));
    } catch (failure) {
      setError(showFailure(failure).message);
    } finally {
      setPreviewing(false);
    }
  }

  async function confirm() {
    if (!preview) return;
    setError(null);
    try {
      const done = await extend.mutateAsync({
        instalmentId: preview.instalmentId,
        days: Number(days),
        idempotencyKey,
        ...(preview.feeFen > 0 ? { cardNumber } : {}),
      });
      toast.success(t("done", { date: formatDate(done.toDate, locale) }));
      setOpen(false);
      router.refresh();
    } catch (failure) {
      const described = showFailure(failure);
      if (described.code !== null) setIdempotencyKey(newIdempotencyKey());
      setError(described.message);
    }
  }

  const panelId = `${id}-panel`;
  return (
    <div className="space-y-3">
      <Button variant="secondary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {open ? t("close") : t("open")}
      </Button>
      {open ? (
        <div id={panelId} className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4">
          <form aria-label={t("formLabel", { order: orderNumber })} onSubmit={showSchedule} className="space-y-3" noValidate>
            <p className="text-sm text-slate-700">{t("rules", { days: maxDays, fee: formatFen(feeFen) })}</p>
            <div className="grid gap-4 sm:grid-cols-2">
              <div className="flex flex-col gap-1">
                <label htmlFor={`${id}-which`} className="text-sm font-medium text-slate-700">
                  {t("which")}
                </label>
                <select
                  id={`${id}-which`}
                  className="min-h-11 rounded-lg border border-slate-300 px-3 py-2"
                  value={instalmentId}
                  onChange={(e) => {
                    setInstalmentId(Number(e.target.value));
                    setPreview(null);
                  }}
                >
                  {instalments.map((i) => (
                    <option key={i.id} value={i.id}>
                      {t("option", { seq: i.seq, date: formatDate(i.dueDate, locale) })}
                    </option>
                  ))}
                </select>
              </div>
              <Field
                id={`${id}-days`}
                label={t("days")}
                type="number"
                inputMode="numeric"
                min={1}
                max={maxDays}
                value={days}
                onChange={(e) => {
                  setDays(e.target.value);
                  setPreview(null);
                }}
              />
            </div>
            <Button type="submit" variant="secondary" disabled={previewing}>
              {t("showSchedule")}
            </Button>
          </form>
          {error ? <ErrorNotice>{error}</ErrorNotice> : null}
          {preview ? (
            <div className="space-y-3">
              <table className="w-full text-sm">
                <caption className="text-left font-medium text-slate-800">{t("newSchedule")}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="text-left">
                      {t("seq")}
                    </th>
                    <th scope="col" className="text-left">
                      {t("due")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {preview.schedule.map((row) => (
                    <tr key={row.seq} className={row.moved ? "font-semibold text-brand-700" : undefined}>
                      <td>{row.seq}</td>
                      <td>
                        {formatDate(row.dueDate, locale)}
                        {row.moved ? ` ${t("movedFrom", { date: formatDate(preview.fromDate, locale) })}` : ""}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.feeFen > 0 ? (
                <Field
                  id={`${id}-card`}
                  label={t("card")}
                  hint={t("feeHint", { fee: formatFen(preview.feeFen) })}
                  inputMode="numeric"
                  autoComplete="cc-number"
                  value={cardNumber}
                  onChange={(e) => setCardNumber(e.target.value)}
                />
              ) : null}
              <p className="text-sm text-slate-600">{t("once")}</p>
              <Button onClick={confirm} disabled={extend.isPending}>
                {t("confirm")}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
