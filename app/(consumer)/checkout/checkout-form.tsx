"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/notice";
import { formatDate, formatFen, formatPercent } from "@/lib/format";
import type { FieldErrors } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/react";
import { useFieldErrorText, useText, useTextLocale } from "@/lib/i18n/text";
import type { AppRouter } from "@/server/api/root";
import { useShowFailure } from "@/lib/use-show-failure";
import { KeepDates } from "@/components/ui/keep-dates";

type ServerPreview = inferRouterOutputs<AppRouter>["shop"]["checkout"];
type ServerLine = ServerPreview["cart"]["lines"][number];
/** The checkout preview with its words in the page's language (checkout/page.tsx): each cart problem as a sentence. */
export type Preview = Omit<ServerPreview, "cart"> & {
  cart: Omit<ServerPreview["cart"], "lines"> & { lines: (Omit<ServerLine, "problem"> & { problem: string | null })[] };
};
type Method = "pay_now" | "pay_later";

/** The fields a person must fill before the server is asked (the server's schema checks their form too). */
function requiredFieldsMissing(form: FormData, method: Method): string[] {
  const blank = (name: string) => String(form.get(name) ?? "").trim() === "";
  const fields = ["shippingName", "shippingPhone", "shippingAddress", ...(method === "pay_now" ? ["cardNumber"] : [])];
  return fields.filter(blank);
}

export function CheckoutForm({ preview, defaultName, agreementTitle }: { preview: Preview; defaultName: string; agreementTitle: string | null }) {
  const trpc = useTRPC();
  const t = useText("checkout");
  const tField = useText("fieldErrors");
  const locale = useTextLocale();
  const showFailure = useShowFailure();
  const fieldText = useFieldErrorText();
  const router = useRouter();
  // The server asks shop.checkout again (eligibility included) whenever the page regains focus, and after a refusal.
  useEffect(() => {
    const refresh = () => document.visibilityState === "visible" && router.refresh();
    document.addEventListener("visibilitychange", refresh);
    return () => document.removeEventListener("visibilitychange", refresh);
  }, [router]);
  const place = useMutation(trpc.shop.placeOrder.mutationOptions());
  // One key per page load: a double click or a retry after a lost response returns the same order.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const payLaterOk = preview.payLater?.ok === true;
  const [chosen, setChosen] = useState<Method>(payLaterOk ? "pay_later" : "pay_now");
  const method: Method = payLaterOk ? chosen : "pay_now";
  const [planCode, setPlanCode] = useState(preview.plans[0]?.code ?? "pay_in_30");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const blocked = preview.cart.lines.some((line) => line.problem);
  // Pay later asks for a review of the plan before any credit is taken; changing the method or plan ends it.
  const [reviewing, setReviewing] = useState(false);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (reviewing) reviewHeading.current?.focus();
  }, [reviewing]);
  const chosenPlan = preview.plans.find((plan) => plan.code === planCode);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setFieldErrors({});
    const missing = requiredFieldsMissing(form, method);
    if (missing.length > 0) {
      // Said here, in the page's language, before asking the server; the server checks the same fields again.
      setFieldErrors(Object.fromEntries(missing.map((field) => [field, [tField(field)]])));
      setError(t("fixFields"));
      setReviewing(false);
      return;
    }
    if (method === "pay_later" && !reviewing) {
      setReviewing(true);
      return;
    }
    try {
      const placed = await place.mutateAsync({
        idempotencyKey,
        lines: preview.cart.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
        shippingName: String(form.get("shippingName") ?? ""),
        shippingPhone: String(form.get("shippingPhone") ?? ""),
        shippingAddress: String(form.get("shippingAddress") ?? ""),
        paymentMethod: method,
        planCode: method === "pay_later" ? planCode : undefined,
        cardNumber: method === "pay_now" ? String(form.get("cardNumber") ?? "") : undefined,
        expectedTotalFen: preview.cart.totalFen,
      });
      router.push(`/account/orders/${placed.orderId}?placed=1`);
    } catch (err) {
      const described = showFailure(err);
      setError(described.message);
      setFieldErrors(
        Object.fromEntries(Object.entries(described.fieldErrors).map(([field, messages]) => [field, [fieldText(field, messages?.[0]) ?? ""]])),
      );
      setReviewing(false);
      router.refresh();
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-6">
        <fieldset className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <legend className="px-1 text-base font-semibold text-slate-800">{t("shipping")}</legend>
          <Field
            id="shippingName"
            name="shippingName"
            label={t("recipient")}
            autoComplete="name"
            defaultValue={defaultName}
            required
            maxLength={80}
            error={fieldErrors.shippingName?.[0]}
          />
          <Field
            id="shippingPhone"
            name="shippingPhone"
            type="tel"
            label={t("phone")}
            autoComplete="tel"
            required
            maxLength={24}
            error={fieldErrors.shippingPhone?.[0]}
          />
          <Field
            id="shippingAddress"
            name="shippingAddress"
            label={t("address")}
            autoComplete="street-address"
            required
            maxLength={300}
            hint={t("addressHint")}
            error={fieldErrors.shippingAddress?.[0]}
          />
        </fieldset>

        <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <legend className="px-1 text-base font-semibold text-slate-800">{t("payment")}</legend>
          <div className="rounded-lg border border-slate-200 p-3">
            <label className="flex min-h-11 items-center gap-3 font-medium">
              <input
                type="radio"
                name="paymentMethod"
                value="pay_now"
                checked={method === "pay_now"}
                onChange={() => {
                  setChosen("pay_now");
                  setReviewing(false);
                }}
                className="size-5"
              />
              {t("payNow")}
            </label>
            {method === "pay_now" ? (
              <div className="mt-2 pl-8">
                <Field
                  id="cardNumber"
                  name="cardNumber"
                  label={t("card")}
                  inputMode="numeric"
                  autoComplete="cc-number"
                  maxLength={30}
                  required
                  hint={t("cardHint")}
                  error={fieldErrors.cardNumber?.[0]}
                />
              </div>
            ) : null}
          </div>

          <div className={`rounded-lg border p-3 ${payLaterOk ? "border-slate-200" : "border-slate-200 bg-slate-50"}`}>
            <label className={`flex min-h-11 items-center gap-3 font-medium ${payLaterOk ? "" : "text-slate-500"}`}>
              <input
                type="radio"
                name="paymentMethod"
                value="pay_later"
                checked={method === "pay_later"}
                disabled={!payLaterOk}
                aria-describedby="pay-later-eligibility"
                onChange={() => {
                  setChosen("pay_later");
                  setReviewing(false);
                }}
                className="size-5"
              />
              {t("payLater")}
            </label>
            <p id="pay-later-eligibility" className={`pl-8 text-sm ${payLaterOk ? "text-emerald-800" : "text-slate-700"}`}>
              {preview.payLater?.ok === false ? (
                <>
                  {t("notAvailable")} {preview.payLater.message}
                  {preview.owesOverdue && (preview.payLater.code === "PAY_LATER_SUSPENDED" || preview.payLater.code === "HAS_OVERDUE") ? (
                    <>
                      {" "}
                      <Link href="/account/bills" className="text-brand-700 underline">
                        {t("goBills")}
                      </Link>
                    </>
                  ) : null}
                  {preview.payLater.code === "PAY_LATER_NOT_ENABLED" ? (
                    <>
                      {" "}
                      <Link href="/account/credit" className="text-brand-700 underline">
                        {t("goCredit")}
                      </Link>
                    </>
                  ) : null}
                </>
              ) : (
                t("payLaterOk", { available: formatFen(preview.availableCreditFen) })
              )}
            </p>
            {method === "pay_later" ? (
              <fieldset className="mt-3 space-y-2 pl-8">
                <legend className="text-sm font-medium text-slate-700">{t("plan")}</legend>
                {preview.plans.map((plan) => (
                  <div key={plan.code} className="rounded-lg border border-slate-200 p-3">
                    <label className="flex min-h-11 items-center gap-3 font-medium">
                      <input
                        type="radio"
                        name="planCode"
                        value={plan.code}
                        checked={planCode === plan.code}
                        onChange={() => {
                          setPlanCode(plan.code);
                          setReviewing(false);
                        }}
                        aria-describedby={`plan-${plan.code}-schedule`}
                        className="size-5"
                      />
                      {plan.label}
                    </label>
                    <ol id={`plan-${plan.code}-schedule`} className="mt-1 space-y-1 pl-8 text-sm text-slate-600">
                      {plan.instalments.map((inst) => (
                        <li key={inst.seq} className="flex justify-between gap-4">
                          <span>
                            {plan.instalments.length > 1 ? (
                              <KeepDates>{t("instalmentDue", { seq: inst.seq, date: formatDate(inst.dueDate, locale) })}</KeepDates>
                            ) : (
                              <KeepDates>{t("due", { date: formatDate(inst.dueDate, locale) })}</KeepDates>
                            )}
                          </span>
                          <span className="tabular-nums">{formatFen(inst.amountFen)}</span>
                        </li>
                      ))}
                    </ol>
                  </div>
                ))}
              </fieldset>
            ) : null}
          </div>
        </fieldset>
      </div>

      <aside aria-labelledby="summary-heading" className="h-fit space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="summary-heading" className="text-base font-semibold text-slate-800">
          {t("summary")}
        </h2>
        <ul className="space-y-2 text-sm">
          {preview.cart.lines.map((line) => (
            <li key={line.productId} className="flex justify-between gap-3">
              <span>
                {line.name} × {line.quantity}
                {line.problem ? <span className="block font-medium text-red-700">{line.problem}</span> : null}
              </span>
              <span className="tabular-nums">{formatFen(line.lineTotalFen)}</span>
            </li>
          ))}
        </ul>
        <p className="flex justify-between border-t border-slate-200 pt-3 text-lg font-semibold">
          <span>{t("total")}</span>
          <span className="tabular-nums">{formatFen(preview.cart.totalFen)}</span>
        </p>
        {blocked ? (
          <ErrorNotice>
            {t("cartProblem")}{" "}
            <Link href="/cart" className="underline">
              {t("reviewCart")}
            </Link>
          </ErrorNotice>
        ) : null}
        {error ? <ErrorNotice>{error}</ErrorNotice> : null}
        {reviewing && method === "pay_later" && chosenPlan && preview.terms ? (
          <section aria-labelledby="review-heading" className="space-y-3 rounded-lg border-2 border-brand-600 p-4 text-sm">
            <h3 id="review-heading" ref={reviewHeading} tabIndex={-1} className="text-base font-semibold text-slate-900">
              {t("reviewTitle")}
            </h3>
            <p className="text-slate-600">{t("reviewPlan", { plan: chosenPlan.label, store: preview.cart.store?.name ?? "" })}</p>
            <p className="flex justify-between font-semibold">
              <span>{t("dueToday")}</span>
              <span className="tabular-nums">{formatFen(0)}</span>
            </p>
            <ol className="space-y-1">
              {chosenPlan.instalments.map((inst) => (
                <li key={inst.seq} className="flex justify-between gap-3">
                  <span>
                    <KeepDates>
                      {t("reviewInstalment", { seq: inst.seq, count: chosenPlan.instalments.length, date: formatDate(inst.dueDate, locale) })}
                    </KeepDates>
                  </span>
                  <span className="tabular-nums">{formatFen(inst.amountFen)}</span>
                </li>
              ))}
            </ol>
            <p className="flex justify-between border-t border-slate-200 pt-2 font-semibold">
              <span>{t("reviewTotal")}</span>
              <span className="tabular-nums">{formatFen(preview.cart.totalFen)}</span>
            </p>
            <p>{t("noInterest")}</p>
            <p className="text-slate-700">
              {t("lateTerms", {
                grace: preview.terms.graceDays,
                fee: formatFen(preview.terms.lateFeeFen),
                cap: formatPercent(preview.terms.lateFeeCapBps / 10_000, locale),
              })}
            </p>
            {preview.agreement && agreementTitle ? (
              <p className="text-slate-700">{t("agreementReminder", { title: agreementTitle, version: preview.agreement.version })}</p>
            ) : null}
            <Button type="submit" className="w-full" disabled={place.isPending || blocked}>
              {place.isPending ? t("placing") : t("confirm")}
            </Button>
            <Button variant="secondary" className="w-full" onClick={() => setReviewing(false)}>
              {t("change")}
            </Button>
          </section>
        ) : (
          <Button type="submit" className="w-full" disabled={place.isPending || blocked}>
            {place.isPending ? t("placing") : t("place")}
          </Button>
        )}
        <Link href="/cart" className="block text-center text-sm text-brand-700 underline">
          {t("backToCart")}
        </Link>
      </aside>
    </form>
  );
}
