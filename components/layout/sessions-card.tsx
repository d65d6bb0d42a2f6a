import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { signOutEverywhereAction } from "@/server/auth/sign-out";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";

/** Sign out everywhere ("End all sessions": the contract keeps "Sign out" for the header control alone), for the account, merchant settings and admin pages. */
export async function SessionsCard() {
  const t = await getTranslations("sessions");
  return (
    <Card title={t("title")} className="mt-8">
      <p className="mb-4 text-sm text-slate-600">{t("description")}</p>
      <SignOutEverywhereButton
        action={signOutEverywhereAction}
        text={{ trigger: t("trigger"), title: t("confirmTitle"), description: t("confirmDescription"), confirm: t("confirm"), cancel: t("cancel") }}
      />
    </Card>
  );
}
