import { getTranslations } from "next-intl/server";
import { InfoNotice } from "@/components/ui/notice";

/** Shown when the area guard sent someone home from a page for another role. */
export async function DeniedNotice({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const { denied } = await searchParams;
  if (!denied) return null;
  const t = await getTranslations("states");
  return (
    <div className="mb-6">
      <InfoNotice>{t("denied")}</InfoNotice>
    </div>
  );
}
