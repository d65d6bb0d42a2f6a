import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser, HOME_FOR_ROLE } from "@/server/auth/session";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata() {
  return { title: (await getTranslations("meta"))("signUp") };
}

export default async function SignUpPage() {
  const user = await getSessionUser();
  if (user) redirect(HOME_FOR_ROLE[user.role]);
  const t = await getTranslations("signUp");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-sm text-slate-600">{t("intro")}</p>
      <SignUpForm />
    </div>
  );
}
