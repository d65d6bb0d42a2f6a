import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { serverApi } from "@/server/api/server-caller";
import { safeCallbackPath } from "@/server/auth/callback-url";
import { getSessionUser, HOME_FOR_ROLE } from "@/server/auth/session";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata() {
  return { title: (await getTranslations("meta"))("signUp") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl: requested } = await searchParams;
  // Where to go once the account exists (e.g. back to a hosted payment page): only a single same-origin path.
  const callbackUrl = safeCallbackPath(typeof requested === "string" ? requested : null);
  const user = await getSessionUser();
  if (user) redirect(callbackUrl ?? HOME_FOR_ROLE[user.role]);
  const [t, terms] = await Promise.all([getTranslations("signUp"), (await serverApi()).account.terms()]);
  const intro = terms.startingScore >= terms.minScore ? "intro" : "introBelow";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-sm text-slate-600">{t(intro, { start: terms.startingScore, min: terms.minScore })}</p>
      <SignUpForm callbackUrl={callbackUrl} />
    </div>
  );
}
