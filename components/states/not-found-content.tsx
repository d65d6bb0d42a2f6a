import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

/** What a missing page or row says, in the request's language. */
export async function NotFoundContent() {
  const t = await getTranslations("states");
  return (
    <div className="mx-auto max-w-md space-y-3 py-12 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">{t("notFoundTitle")}</h1>
      <p className="text-sm text-slate-600">{t("notFoundBody")}</p>
      <Link href="/" className={buttonClass("primary")}>
        {t("backToShop")}
      </Link>
    </div>
  );
}
