/**
 * Stands in for a list while it streams (a Suspense fallback inside the page, never a route-level loading.tsx, which
 * let the header stream before the page's sign-in redirect). Deliberately not role status, so tests and screen readers
 * waiting for a confirmation never mistake it for one.
 */
export function ListSkeleton({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div aria-busy="true" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <p className="sr-only">{label}</p>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholder rows with nothing to tell them apart
        <div key={i} aria-hidden="true" className="h-6 animate-pulse rounded bg-slate-100" />
      ))}
    </div>
  );
}
