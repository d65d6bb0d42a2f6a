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
import { apiKeyNameSchema } from "@/server/domain/api-keys";

/** Names and creates a secret key, then shows its secret this one time. */
export function CreateApiKeyForm({ atLimit }: { atLimit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useText("merchantDevelopers");
  const showFailure = useShowFailure();
  const create = useMutation(trpc.merchant.developers.createApiKey.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    setError(null);
    setCreated(null);
    const parsed = apiKeyNameSchema.safeParse(String(new FormData(formElement).get("name") ?? ""));
    if (!parsed.success) {
      setNameError(t(parsed.error.issues[0]?.code === "too_big" ? "nameLong" : "nameShort"));
      return;
    }
    setNameError(undefined);
    try {
      const key = await create.mutateAsync({ name: parsed.data });
      setCreated({ name: key.name, secret: key.secret });
      formElement.reset();
      router.refresh();
    } catch (err) {
      setError(showFailure(err).message);
    }
  }

  return (
    <div className="space-y-4">
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      {created ? (
        <StatusNotice>
          <p className="font-medium">{t("created", { name: created.name })}</p>
          <p className="mt-1">{t("copyNow")}</p>
          <label htmlFor="new-api-key-secret" className="mt-2 block text-sm font-medium">
            {t("secret")}
          </label>
          <input
            id="new-api-key-secret"
            readOnly
            value={created.secret}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-1 w-full rounded-lg border border-emerald-300 bg-white px-3 py-2 font-mono text-sm text-slate-900"
          />
        </StatusNotice>
      ) : null}
      <form onSubmit={onSubmit} noValidate aria-label={t("newKey")} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <Field id="api-key-name" name="name" label={t("keyName")} maxLength={60} required error={nameError} disabled={atLimit} />
        </div>
        <Button type="submit" disabled={atLimit || create.isPending}>
          {create.isPending ? t("creating") : t("create")}
        </Button>
      </form>
      {atLimit ? <p className="text-sm text-slate-600">{t("atLimit")}</p> : null}
    </div>
  );
}
