"use client";
import type { ReactNode } from "react";
import { useHydrated } from "@/lib/use-hydrated";

/**
 * Keeps a server-rendered form's controls disabled until React can hear them: typed into before hydration, a
 * value shows in the field but never reaches the form's state (what depends on it would not follow). Takes no box.
 */
export function DisabledUntilHydrated({ children }: { children: ReactNode }) {
  const hydrated = useHydrated();
  return (
    <fieldset disabled={!hydrated} className="contents">
      {children}
    </fieldset>
  );
}
