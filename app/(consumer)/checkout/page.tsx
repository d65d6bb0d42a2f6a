import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { cartProblemText, planLabel, serverWords } from "@/lib/i18n/localise";
import { serverApi } from "@/server/api/server-caller";
import { requireRole } from "@/server/auth/session";
import { CheckoutForm, type Preview } from "./checkout-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("meta"))("checkout") };
}

export default async function CheckoutPage() {
  const user = await requireRole("consumer", "/checkout");
  const api = await serverApi();
  const [preview, locale, t, tPlan, tProblem, tErrors, tCredit] = await Promise.all([
    api.shop.checkout(),
    getLocale(),
    getTranslations("checkoutPage"),
    getTranslations("plan"),
    getTranslations("cartProblem"),
    getTranslations("errors"),
    getTranslations("creditPage"),
  ]);
  // The preview's words (plan names, cart problems, why pay later is unavailable) in the page's language.
  const verdict = preview.payLater;
  const payLater =
    verdict && !verdict.ok
      ? { ...verdict, message: serverWords(locale, verdict.message, () => (tErrors.has(verdict.code) ? tErrors(verdict.code) : verdict.message)) }
      : verdict;
  const localised: Preview = {
    ...preview,
    cart: { ...preview.cart, lines: preview.cart.lines.map((line) => ({ ...line, problem: cartProblemText(tProblem, line.problem) })) },
    plans: preview.plans.map((plan) => ({ ...plan, label: planLabel(tPlan, locale, plan.code, plan.label) })),
    payLater,
  };
  return (
    <div>
      <PageHeader title={t("title")} description={preview.cart.store ? t("orderFrom", { store: preview.cart.store.name }) : undefined} />
      {preview.cart.store ? (
        <CheckoutForm
          preview={localised}
          defaultName={user.name ?? ""}
          agreementTitle={preview.agreement ? tCredit("agreementTitle", { title: preview.agreement.title }) : null}
        />
      ) : (
        <EmptyState title={t("empty")}>
          <Link href="/" className="text-brand-700 underline">
            {t("browse")}
          </Link>
        </EmptyState>
      )}
    </div>
  );
}
