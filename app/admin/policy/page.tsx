import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { serverApi } from "@/server/api/server-caller";
import { PolicyEditor } from "./policy-editor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Credit policy" };

export default async function PolicyPage() {
  const api = await serverApi();
  const [current, history] = await Promise.all([api.admin.policy(), api.admin.policyHistory()]);
  return (
    <div className="space-y-8">
      <PageHeader
        title="Credit policy"
        description={`Version ${current.version} is in force. Saving creates a new version; existing bills keep the terms they were made with.`}
      />
      <PolicyEditor current={current} />
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">History</h2>
        <ol className="space-y-2">
          {history.map((v) => (
            <li key={v.version}>
              <details className="group rounded-xl border border-slate-200 bg-white p-4 shadow-sm" open={v.version === current.version}>
                <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1">
                  <span className="font-semibold">Version {v.version}</span>
                  <span className="text-sm text-slate-600">
                    by {v.author} · {formatDateTime(v.createdAt)}
                  </span>
                  <span className="w-full text-sm text-slate-800 sm:w-auto">“{v.note}”</span>
                </summary>
                <div className="mt-3 text-sm">
                  {v.previousVersion === null ? (
                    <p className="text-slate-600">The first version.</p>
                  ) : v.changes.length === 0 ? (
                    <p className="text-slate-600">Same as version {v.previousVersion}.</p>
                  ) : (
                    <div tabIndex={0} className="relative overflow-x-auto">
                      <table className="w-full min-w-[28rem] text-left">
                        <caption className="mb-2 text-left text-slate-600">Changes from version {v.previousVersion}</caption>
                        <thead className="text-xs uppercase text-slate-500">
                          <tr>
                            <th scope="col" className="py-1 pr-3">Setting</th>
                            <th scope="col" className="py-1 pr-3">Before</th>
                            <th scope="col" className="py-1">After</th>
                          </tr>
                        </thead>
                        <tbody className="divide-y divide-slate-100">
                          {v.changes.map((c) => (
                            <tr key={c.key}>
                              <th scope="row" className="py-1.5 pr-3 font-medium">{c.label}</th>
                              <td className="py-1.5 pr-3 text-slate-600">{c.before ?? "—"}</td>
                              <td className="py-1.5">{c.after ?? "removed"}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                </div>
              </details>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
