import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { formatDate, formatFen } from "@/lib/format";
import { getSessionUser } from "@/server/auth/session";
import { serverApi } from "@/server/api/server-caller";
import { ContactForm } from "./contact-form";

/** Help: a short FAQ whose figures come from the policy in force, the contact form, and the asker's own questions. */
export async function SupportPage() {
  const api = await serverApi();
  const [user, t, locale, terms] = await Promise.all([getSessionUser(), getTranslations("support"), getLocale(), api.account.terms()]);
  const canAsk = user?.role === "consumer" || user?.role === "merchant";
  const mine = canAsk ? await api.support.mine() : [];
  const faq = [
    { q: t("faqDueQ"), a: t("faqDueA", { grace: terms.graceDays }) },
    { q: t("faqFeesQ"), a: t("faqFeesA", { fee: formatFen(terms.lateFeeFen), cap: terms.lateFeeCapBps / 100, grace: terms.graceDays }) },
    { q: t("faqSuspensionQ"), a: t("faqSuspensionA", { min: terms.minScore }) },
    { q: t("faqRefundsQ"), a: t("faqRefundsA") },
  ];
  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader title={t("title")} description={t("description")} />
      <section aria-labelledby="faq-heading" className="space-y-2">
        <h2 id="faq-heading" className="text-lg font-semibold">
          {t("faq")}
        </h2>
        {faq.map((item) => (
          <details key={item.q} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <summary className="min-h-6 cursor-pointer font-medium text-slate-900">{item.q}</summary>
            <p className="mt-2 text-sm text-slate-700">{item.a}</p>
          </details>
        ))}
      </section>

      <section aria-labelledby="contact-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="contact-heading" className="text-lg font-semibold">
          {t("contact")}
        </h2>
        {canAsk ? (
          <>
            <p className="text-sm text-slate-600">{t("contactBody")}</p>
            <ContactForm />
          </>
        ) : user ? (
          <p className="text-sm text-slate-600">{t("staffCannotAsk")}</p>
        ) : (
          <p className="text-sm text-slate-600">
            <Link href="/sign-in?callbackUrl=/support" className="text-brand-700 underline">
              {t("signInToAsk")}
            </Link>
          </p>
        )}
      </section>

      {canAsk ? (
        <section aria-labelledby="mine-heading" className="space-y-3">
          <h2 id="mine-heading" className="text-lg font-semibold">
            {t("mine")}
          </h2>
          {mine.length === 0 ? (
            <EmptyState title={t("mineEmpty")} />
          ) : (
            <ul className="space-y-3">
              {mine.map((ticket) => (
                <li key={ticket.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
                  <p className="flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
                    <span className="whitespace-nowrap">{formatDate(ticket.createdAt, locale)}</span>
                    <span>·</span>
                    <span>{t(`topic_${ticket.topic}`)}</span>
                    <span>·</span>
                    <span className={ticket.status === "answered" ? "font-medium text-emerald-700" : "font-medium text-amber-700"}>
                      {t(`status_${ticket.status}`)}
                    </span>
                  </p>
                  <p className="mt-1 whitespace-pre-line text-slate-800">{ticket.message}</p>
                  {ticket.answer ? (
                    <div className="mt-2 rounded-md bg-brand-50 p-3">
                      <p className="text-xs font-medium text-brand-700">{t("answer")}</p>
                      <p className="mt-1 whitespace-pre-line text-slate-800">{ticket.answer}</p>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
