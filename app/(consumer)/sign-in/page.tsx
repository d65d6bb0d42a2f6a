import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser, HOME_FOR_ROLE } from "@/server/auth/session";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata() {
  return { title: (await getTranslations("meta"))("signIn") };
}

function safeCallback(url: string | undefined): string | null {
  return url?.startsWith("/") && !url.startsWith("//") ? url : null;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const user = await getSessionUser();
  if (user) redirect(safeCallback(callbackUrl) ?? HOME_FOR_ROLE[user.role]);
  const t = await getTranslations("signIn");
  const text = { email: t("email"), password: t("password"), submit: t("submit"), pending: t("pending"), wrong: t("wrong"), rateLimited: t("rateLimited"), newHere: t("newHere"), createAccount: t("createAccount") };
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-semibold">{t("title")}</h1>
      <SignInForm callbackUrl={safeCallback(callbackUrl)} text={text} />
    </div>
  );
}
