"use client";
import { useState } from "react";
import { useShowFailure } from "@/lib/use-show-failure";

/**
 * An action taken only after the person confirms it: `confirming` shows the question, `confirm()` runs it.
 * A refusal stays on screen (for an ErrorNotice, role alert) and as a toast; success closes the question
 * and hands over to `onDone` (which confirms it on the page).
 */
export function useConfirmedAction(run: () => Promise<unknown>, onDone: () => void) {
  const showFailure = useShowFailure();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setError(null);
    try {
      await run();
    } catch (err) {
      setError(showFailure(err).message);
      return;
    }
    setConfirming(false);
    onDone();
  }

  return { confirming, setConfirming, error, confirm };
}
