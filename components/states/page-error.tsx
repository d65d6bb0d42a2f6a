"use client";

/** A route segment's error boundary: an alert with a retry, in the page's language (from <html lang>); kept tiny for the bundle. */
export function PageError({ reset }: { error: Error; reset: () => void }) {
  const zh = typeof document !== "undefined" && document.documentElement.lang === "zh-CN";
  return (
    <div role="alert" className="space-y-3 rounded-xl border border-red-200 bg-red-50 p-6 text-red-900">
      <h1 className="text-lg font-semibold">{zh ? "此页面无法加载，请重试。" : "This page could not be loaded. Please try again."}</h1>
      <button type="button" onClick={reset} className="min-h-11 rounded-lg bg-red-700 px-4 text-sm font-medium text-white">
        {zh ? "重试" : "Try again"}
      </button>
    </div>
  );
}
