"use client";
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import { useText } from "@/lib/i18n/text";
import { useTRPC } from "@/lib/trpc/react";
import { useShowFailure } from "@/lib/use-show-failure";
import { supportAnswerSchema } from "@/server/domain/support";

/** The admin's answer to one question: sent once, then the asker is notified. */
export function AnswerForm({ ticketId, name }: { ticketId: number; name: string }) {
  const trpc = useTRPC();
  const t = useText("adminSupport");
  const showFailure = useShowFailure();
  const answer = useMutation(trpc.admin.answerTicket.mutationOptions());
  const [text, setText] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const id = `answer-${ticketId}`;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!supportAnswerSchema.safeParse({ answer: text }).success) {
      setFieldError(t("answerMissing"));
      return;
    }
    setFieldError(null);
    try {
      await answer.mutateAsync({ ticketId, answer: text });
    } catch (err) {
      setError(showFailure(err).message);
      return;
    }
    // No refresh: the answered question would leave the waiting list and take this confirmation with it.
    setDone(t("sent", { name }));
  }

  if (done) return <StatusNotice>{done}</StatusNotice>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      <TextAreaField
        id={id}
        label={t("answerLabel", { name })}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={3}
        maxLength={2000}
        error={fieldError}
      />
      <Button type="submit" disabled={answer.isPending}>
        {answer.isPending ? t("sending") : t("send")}
      </Button>
    </form>
  );
}
