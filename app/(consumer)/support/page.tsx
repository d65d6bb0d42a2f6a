import { getTranslations } from "next-intl/server";
import { SupportPage } from "@/components/support/support-page";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("support"))("title") };
}

export default function ConsumerSupportPage() {
  return <SupportPage />;
}
