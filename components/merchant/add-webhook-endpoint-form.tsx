"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import { useText } from "@/lib/i18n/text";
import { useTRPC } from "@/lib/trpc/react";
import { useShowFailure } from "@/lib/use-show-failure";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType, webhookUrlSchema } from "@/server/domain/webhooks";

/** Adds a webhook endpoint (URL and events), then shows its signing secret this one time. */
export function AddWebhookEndpointForm({ atLimit }: { atLimit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useText("merchantWebhooks");
  const showFailure = useShowFailure();
  const create = useMutation(trpc.merchant.developers.webhooks.createEndpoint.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [urlError, setUrlError] = useState<string | undefined>();
  const [eventsError, setEventsError] = useState<string | undefined>();
  const [secret, setSecret] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setError(null);
    setSecret(null);
    const url = webhookUrlSchema.safeParse(String(data.get("url") ?? ""));
    const events = data.getAll("events").map(String) as WebhookEventType[];
    setUrlError(url.success && /^https?:\/\//i.test(url.data) ? undefined : t("urlInvalid"));
    setEventsError(events.length ? undefined : t("eventsNone"));
    if (!url.success || !/^https?:\/\//i.test(url.data) || events.length === 0) return;
    try {
      const created = await create.mutateAsync({ url: url.data, events });
      setSecret(created.secret);
      form.reset();
      router.refresh();
    } catch (err) {
      setError(showFailure(err).message);
    }
  }

  return (
    <div className="space-y-4">
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      {secret ? (
        <StatusNotice>
          <p className="font-medium">{t("added")}</p>
          <p className="mt-1">{t("copySecret")}</p>
          <label htmlFor="new-webhook-secret" className="mt-2 block text-sm font-medium">
            {t("secret")}
          </label>
          <input
            id="new-webhook-secret"
            readOnly
            value={secret}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-1 w-full rounded-lg border border-emerald-300 bg-white px-3 py-2 font-mono text-sm text-slate-900"
          />
        </StatusNotice>
      ) : null}
      <form onSubmit={onSubmit} noValidate aria-label={t("newEndpoint")} className="space-y-4">
        <Field
          id="webhook-url"
          name="url"
          type="url"
          inputMode="url"
          label={t("url")}
          hint={t("urlHint")}
          placeholder="https://shop.example.com/houfu/webhooks"
          maxLength={500}
          required
          error={urlError}
          disabled={atLimit}
        />
        <fieldset aria-describedby={eventsError ? "webhook-events-error" : undefined} disabled={atLimit}>
          <legend className="text-sm font-medium text-slate-700">{t("events")}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex min-h-11 items-center gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm">
                <input type="checkbox" name="events" value={type} defaultChecked className="h-4 w-4" />
                <code>{type}</code>
              </label>
            ))}
          </div>
          {eventsError ? (
            <p id="webhook-events-error" className="mt-1 text-sm text-red-700">
              {eventsError}
            </p>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={atLimit || create.isPending}>
          {create.isPending ? t("adding") : t("add")}
        </Button>
      </form>
      {atLimit ? <p className="text-sm text-slate-600">{t("atLimit")}</p> : null}
    </div>
  );
}
