"use client";
import { buttonClass } from "@/components/ui/button";

/** Opens the browser's print dialog; the page's print stylesheet leaves only the statement. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className={buttonClass("secondary")} onClick={() => window.print()}>
      {label}
    </button>
  );
}
