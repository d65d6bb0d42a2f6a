"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import { useText } from "@/lib/i18n/text";
import type { FieldErrors } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/react";
import { useShowFailure } from "@/lib/use-show-failure";
import { SUPPORT_TOPIC_CODES, supportQuestionSchema } from "@/server/domain/support";

/** The contact form: a topic and a message, checked here with the procedure's own schema, then stored as a ticket. */
export function ContactForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useText("supportForm");
  const showFailure = useShowFailure();
  const ask = useMutation(trpc.support.ask.mutationOptions());
  const [topic, setTopic] = useState("");
  const [message, setMessage] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSent(false);
    const parsed = supportQuestionSchema.safeParse({ topic, message });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        errors[field] = [field === "topic" ? t("topicMissing") : message.trim().length < 10 ? t("messageShort") : t("messageLong")];
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    try {
      await ask.mutateAsync(parsed.data);
    } catch (err) {
      const described = showFailure(err);
      setError(described.message);
      setFieldErrors(described.fieldErrors);
      return;
    }
    setSent(true);
    setTopic("");
    setMessage("");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      {sent ? <StatusNotice>{t("sent")}</StatusNotice> : null}
      <SelectField id="support-topic" label={t("topic")} value={topic} onChange={(e) => setTopic(e.target.value)} error={fieldErrors.topic?.[0]}>
        <option value="">{t("chooseTopic")}</option>
        {SUPPORT_TOPIC_CODES.map((code) => (
          <option key={code} value={code}>
            {t(`topic_${code}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="support-message"
        label={t("message")}
        hint={t("messageHint")}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        rows={5}
        maxLength={2000}
        error={fieldErrors.message?.[0]}
      />
      <Button type="submit" disabled={ask.isPending}>
        {ask.isPending ? t("sending") : t("send")}
      </Button>
    </form>
  );
}
