import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { InfoNotice, StatusNotice } from "@/components/ui/notice";
import { buttonClass } from "@/components/ui/button";
import { formatFen } from "@/lib/format";
import { planLabel, serverWords } from "@/lib/i18n/localise";
import { serverApi } from "@/server/api/server-caller";
import { getSessionUser } from "@/server/auth/session";
import { CancelSession } from "./cancel-session";
import { ConfirmPayLater } from "./confirm-pay-later";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("pay"))("metaTitle") };
}

const SESSION_ID = /^cs_[A-Za-z0-9_-]{24}$/;

/** The hosted payment page of a merchant's checkout session: sign in, see the items and the credit check, confirm. */
export default async function HostedPaymentPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  if (!SESSION_ID.test(sessionId)) notFound();
  const api = await serverApi();
  const user = await getSessionUser();
  const view = await api.pay.session({ sessionId }).catch(() => null);
  if (!view) notFound();
  const [locale, t, tPlan, tErrors] = await Promise.all([getLocale(), getTranslations("pay"), getTranslations("plan"), getTranslations("errors")]);
  const here = `/pay/${sessionId}`;
  const back = (
    <a href={view.cancelUrl} className={buttonClass("secondary")}>
      {t("backToShop", { store: view.storeName })}
    </a>
  );

  let action: React.ReactNode;
  if (view.state === "completed") {
    action = view.order ? (
      <div className="space-y-3">
        <StatusNotice>{t("confirmed", { number: view.order.number })}</StatusNotice>
        <a href={view.order.redirectUrl} className={buttonClass("primary")}>
          {t("continue", { store: view.storeName })}
        </a>
      </div>
    ) : (
      <div className="space-y-3">
        <InfoNotice>{t("used")}</InfoNotice>
        {back}
      </div>
    );
  } else if (view.state === "cancelled") {
    action = (
      <div className="space-y-3">
        <InfoNotice>{t("cancelled", { store: view.storeName })}</InfoNotice>
        {back}
      </div>
    );
  } else if (view.state === "expired") {
    action = (
      <div className="space-y-3">
        <InfoNotice>{t("expired", { store: view.storeName })}</InfoNotice>
        {back}
      </div>
    );
  } else if (!user) {
    action = (
      <div className="space-y-3">
        <p className="text-sm text-slate-700">{t("signInFirst")}</p>
        <div className="flex flex-wrap gap-3">
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={buttonClass("primary")}>
            {t("signIn")}
          </Link>
          <Link href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`} className={buttonClass("secondary")}>
            {t("signUp")}
          </Link>
          <CancelSession sessionId={view.sessionId} text={{ cancel: t("cancel"), cancelling: t("cancelling") }} />
        </div>
      </div>
    );
  } else if (!view.credit) {
    action = (
      <div className="space-y-3">
        <InfoNotice>{t("shoppersOnly")}</InfoNotice>
        {back}
      </div>
    );
  } else {
    const verdict = view.credit.payLater;
    const refusal = verdict.ok
      ? null
      : {
          code: verdict.code,
          message: serverWords(locale, verdict.message, () => (tErrors.has(verdict.code) ? tErrors(verdict.code) : verdict.message)),
        };
    action = (
      <ConfirmPayLater
        sessionId={view.sessionId}
        refusal={refusal}
        plans={view.credit.plans.map((plan) => ({
          code: plan.code,
          label: planLabel(tPlan, locale, plan.code, plan.label),
          terms:
            plan.instalmentsFen.length === 1
              ? t("onePayment", { amount: formatFen(plan.instalmentsFen[0]!), days: plan.intervalDays })
              : t("instalments", { count: plan.instalmentsFen.length, amount: formatFen(plan.instalmentsFen[0]!), days: plan.intervalDays }),
        }))}
        text={{
          available: t("available", { amount: formatFen(view.credit.availableCreditFen) }),
          notAvailable: t("notAvailable"),
          goCredit: t("goCredit"),
          plan: t("plan"),
          whenBilled: t("whenBilled", { store: view.storeName, days: view.credit.authorizationWindowDays }),
          confirm: t("confirm"),
          confirming: t("confirming"),
          cancel: t("cancel"),
          cancelling: t("cancelling"),
          redirecting: t("redirecting", { store: view.storeName }),
        }}
      />
    );
  }

  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("title", { store: view.storeName })} description={t("reference", { reference: view.merchantReference })} />
      <div className="space-y-6">
        <section aria-labelledby="items-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="items-heading" className="mb-3 text-base font-semibold text-slate-800">
            {t("items")}
          </h2>
          {view.items.length === 0 ? (
            <EmptyState title={t("noItems")} />
          ) : (
            <ul className="space-y-2 text-sm">
              {view.items.map((item, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the shop's items have no ids and never reorder
                <li key={i} className="flex justify-between gap-3">
                  <span>
                    {item.name} × {item.quantity}
                  </span>
                  <span className="tabular-nums">{formatFen(item.quantity * item.unitPriceFen)}</span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 flex justify-between border-t border-slate-200 pt-3 text-lg font-semibold">
            <span>{t("total")}</span>
            <span className="tabular-nums">{formatFen(view.amountFen)}</span>
          </p>
        </section>
        <section aria-label={t("payLater")} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          {action}
        </section>
      </div>
    </div>
  );
}
