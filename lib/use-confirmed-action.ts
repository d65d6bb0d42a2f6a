"use client";
import { useState } from "react";
import { useErrorText } from "@/lib/i18n/text";
import { toast } from "@/lib/toast";
import { describeError } from "@/lib/trpc/errors";

/**
 * An action taken only after the person confirms it: `confirming` shows the question, `confirm()` runs it.
 * A refusal stays on screen (for an ErrorNotice, role alert) and as a toast; success closes the question
 * and hands over to `onDone` (which confirms it on the page).
 */
export function useConfirmedAction(run: () => Promise<unknown>, onDone: () => void) {
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setError(null);
    try {
      await run();
    } catch (err) {
      const message = errorText(describeError(err));
      setError(message);
      toast.error(message);
      return;
    }
    setConfirming(false);
    onDone();
  }

  return { confirming, setConfirming, error, confirm };
}
