/** A Suspense fallback: a quiet placeholder of roughly the content's height, busy for assistive technology. */
export function LoadingBlock({ label, height = "h-24" }: { label: string; height?: string }) {
  return (
    <div
      aria-busy="true"
      className={`flex ${height} items-center justify-center rounded-xl border border-dashed border-slate-200 text-sm text-slate-500`}
    >
      {label}
    </div>
  );
}
