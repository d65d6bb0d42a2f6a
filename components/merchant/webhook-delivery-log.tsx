"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { LoadingBlock } from "@/components/ui/loading-block";
import { ErrorNotice } from "@/components/ui/notice";
import { formatDateTime } from "@/lib/format";
import { useText } from "@/lib/i18n/text";
import { toast } from "@/lib/toast";
import { useTRPC } from "@/lib/trpc/react";
import { useShowFailure } from "@/lib/use-show-failure";

const PAGE = 20;
/** While a delivery has not been tried yet, the log asks again this often (it is usually sent within a second or two). */
const POLL_MS = 1_500;

/** The endpoint's deliveries, newest first, a keyset page at a time; Send test event and Redeliver. */
export function WebhookDeliveryLog({ endpointId, enabled, locale }: { endpointId: number; enabled: boolean; locale: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const t = useText("merchantWebhooks");
  const showFailure = useShowFailure();
  // Each page is asked for by the last id of the one before it.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const [error, setError] = useState<string | null>(null);
  const sendTest = useMutation(trpc.merchant.developers.webhooks.sendTestEvent.mutationOptions());
  const redeliver = useMutation(trpc.merchant.developers.webhooks.redeliver.mutationOptions());

  const first = useQuery({
    ...trpc.merchant.developers.webhooks.deliveries.queryOptions({ endpointId, limit: PAGE }),
    refetchInterval: (query) => (query.state.data?.deliveries.some((d) => d.status === "pending" && d.attempts === 0) ? POLL_MS : false),
  });

  async function act(action: () => Promise<unknown>, done: string) {
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(showFailure(err).message);
      return;
    }
    toast.success(done);
    setCursors([undefined]);
    await queryClient.invalidateQueries({ queryKey: trpc.merchant.developers.webhooks.deliveries.pathKey() });
  }

  return (
    <section aria-labelledby="deliveries-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="deliveries-heading" className="text-lg font-semibold">
          {t("deliveries")}
        </h2>
        <Button
          variant="secondary"
          disabled={!enabled || sendTest.isPending}
          onClick={() => act(() => sendTest.mutateAsync({ endpointId }), t("testQueued"))}
        >
          {sendTest.isPending ? t("sending") : t("sendTest")}
        </Button>
      </div>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      {first.isPending ? (
        <LoadingBlock label={t("loading")} />
      ) : first.isError ? (
        <ErrorNotice>
          {t("loadFailed")}{" "}
          <button type="button" className="underline" onClick={() => first.refetch()}>
            {t("retry")}
          </button>
        </ErrorNotice>
      ) : (
        <>
          {cursors.map((cursor, i) =>
            i === 0 ? (
              <LogPage
                key="first"
                rows={first.data.deliveries}
                locale={locale}
                onRedeliver={(deliveryId) => act(() => redeliver.mutateAsync({ deliveryId }), t("redelivered"))}
                canRedeliver={enabled}
              />
            ) : (
              <OlderPage
                key={cursor}
                endpointId={endpointId}
                beforeId={cursor!}
                locale={locale}
                canRedeliver={enabled}
                onRedeliver={(deliveryId) => act(() => redeliver.mutateAsync({ deliveryId }), t("redelivered"))}
                onNext={(next) => setCursors((list) => (i === list.length - 1 && next ? [...list, next] : list))}
                isLast={i === cursors.length - 1}
              />
            ),
          )}
          {cursors.length === 1 && first.data.nextBeforeId ? (
            <Button variant="secondary" onClick={() => setCursors([undefined, first.data.nextBeforeId!])}>
              {t("more")}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}

type Row = {
  id: number;
  eventId: string;
  eventType: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
};

function OlderPage(props: {
  endpointId: number;
  beforeId: number;
  locale: string;
  canRedeliver: boolean;
  onRedeliver: (id: number) => void;
  onNext: (next: number | null) => void;
  isLast: boolean;
}) {
  const trpc = useTRPC();
  const t = useText("merchantWebhooks");
  const page = useQuery(
    trpc.merchant.developers.webhooks.deliveries.queryOptions({ endpointId: props.endpointId, limit: PAGE, beforeId: props.beforeId }),
  );
  if (page.isPending) return <LoadingBlock label={t("loading")} />;
  if (page.isError) return <ErrorNotice>{t("loadFailed")}</ErrorNotice>;
  return (
    <>
      <LogPage rows={page.data.deliveries} locale={props.locale} canRedeliver={props.canRedeliver} onRedeliver={props.onRedeliver} />
      {props.isLast && page.data.nextBeforeId ? (
        <Button variant="secondary" onClick={() => props.onNext(page.data.nextBeforeId)}>
          {t("more")}
        </Button>
      ) : null}
    </>
  );
}

function LogPage({
  rows,
  locale,
  canRedeliver,
  onRedeliver,
}: {
  rows: Row[];
  locale: string;
  canRedeliver: boolean;
  onRedeliver: (id: number) => void;
}) {
  const t = useText("merchantWebhooks");
  const statusText = { pending: t("statusPending"), delivered: t("statusDelivered"), failed: t("statusFailed") };
  return (
    <DataTable
      caption={t("logTitle")}
      rows={rows}
      rowKey={(d) => d.id}
      minWidth="44rem"
      empty={{ title: t("logEmpty"), body: t("logEmptyBody") }}
      columns={[
        {
          key: "event",
          header: t("event"),
          rowHeader: true,
          cell: (d) => (
            <span>
              <code>{d.eventType}</code>
              <br />
              <span className="text-xs text-slate-500">{d.eventId}</span>
            </span>
          ),
        },
        {
          key: "status",
          header: t("status"),
          cell: (d) => (
            <span>
              <span className={d.status === "failed" ? "text-red-700" : d.status === "delivered" ? "text-emerald-800" : "text-amber-800"}>
                {statusText[d.status]}
              </span>
              {d.status === "pending" && d.nextAttemptAt && d.attempts > 0 ? (
                <span className="block text-xs text-slate-500">{t("nextAttempt", { time: formatDateTime(d.nextAttemptAt, locale) })}</span>
              ) : null}
            </span>
          ),
        },
        {
          key: "response",
          header: t("response"),
          cell: (d) => (d.responseStatus ? `HTTP ${d.responseStatus}` : d.lastError ? d.lastError : d.attempts > 0 ? t("noResponse") : "—"),
        },
        { key: "time", header: t("time"), cell: (d) => formatDateTime(d.lastAttemptAt ?? d.createdAt, locale) },
        { key: "attempts", header: t("attempts"), align: "right", cell: (d) => d.attempts },
        {
          key: "redeliver",
          header: <span className="sr-only">{t("redeliver")}</span>,
          cell: (d) =>
            d.status === "pending" ? null : (
              <Button
                variant="secondary"
                disabled={!canRedeliver}
                onClick={() => onRedeliver(d.id)}
                aria-label={`${t("redeliver")} ${d.eventType} ${d.eventId}`}
              >
                {t("redeliver")}
              </Button>
            ),
        },
      ]}
    />
  );
}
