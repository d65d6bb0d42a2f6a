"use client";
import { startTransition, useEffect } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useText } from "@/lib/i18n/text";

/** The consumer pages' error boundary (inside the layout, so the header stays): an alert in the page's language and a retry. */
export default function ConsumerError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useText("states");
  const router = useRouter();
  useEffect(() => console.error(error), [error]);
  return (
    <div role="alert" className="space-y-3 rounded-xl border border-red-200 bg-red-50 p-6 text-red-900">
      <h1 className="text-lg font-semibold">{t("errorTitle")}</h1>
      <Button
        variant="danger"
        onClick={() =>
          startTransition(() => {
            router.refresh();
            reset();
          })
        }
      >
        {t("retry")}
      </Button>
    </div>
  );
}
