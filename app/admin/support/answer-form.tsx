"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import { useText } from "@/lib/i18n/text";
import { useTRPC } from "@/lib/trpc/react";
import { useShowFailure } from "@/lib/use-show-failure";
import { supportAnswerSchema } from "@/server/domain/support";

/** The admin's answer to one question: sent once, then the asker is notified. */
export function AnswerForm({ ticketId, name }: { ticketId: number; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
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
    setDone(t("sent", { name }));
    router.refresh();
  }

  if (done) return <StatusNotice>{done}</StatusNotice>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {t("answerLabel", { name })}
      </label>
      <textarea
        id={id}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={3}
        maxLength={2000}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError ? `${id}-error` : undefined}
        className="w-full rounded-lg border border-slate-300 px-3 py-2 text-base shadow-sm"
      />
      {fieldError ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {fieldError}
        </p>
      ) : null}
      <Button type="submit" disabled={answer.isPending}>
        {answer.isPending ? t("sending") : t("send")}
      </Button>
    </form>
  );
}
