import { InfoNotice } from "@/components/ui/notice";

/** Shown when the area guard sent someone home from a page for another role. */
export async function DeniedNotice({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const { denied } = await searchParams;
  if (!denied) return null;
  return (
    <div className="mb-6">
      <InfoNotice>That page belongs to another kind of account, so you were brought to your own area.</InfoNotice>
    </div>
  );
}
