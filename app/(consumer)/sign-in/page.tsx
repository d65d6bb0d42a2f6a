import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { safeCallbackPath } from "@/server/auth/callback-url";
import { getSessionUser, HOME_FOR_ROLE } from "@/server/auth/session";
import { StatusNotice } from "@/components/ui/notice";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata() {
  return { title: (await getTranslations("meta"))("signIn") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; signedOut?: string | string[] }>;
}) {
  const { callbackUrl: requested, signedOut } = await searchParams;
  // A repeated parameter arrives as an array; only a single same-origin path is followed.
  const callbackUrl = safeCallbackPath(typeof requested === "string" ? requested : null);
  const user = await getSessionUser();
  if (user) redirect(callbackUrl ?? HOME_FOR_ROLE[user.role]);
  const [t, tSessions] = await Promise.all([getTranslations("signIn"), getTranslations("sessions")]);
  const text = {
    email: t("email"),
    password: t("password"),
    submit: t("submit"),
    pending: t("pending"),
    wrong: t("wrong"),
    rateLimited: t("rateLimited"),
    newHere: t("newHere"),
    createAccount: t("createAccount"),
  };
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-semibold">{t("title")}</h1>
      {signedOut === "everywhere" ? (
        <div className="mb-6">
          <StatusNotice>{tSessions("signedOutEverywhere")}</StatusNotice>
        </div>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} text={text} />
    </div>
  );
}
