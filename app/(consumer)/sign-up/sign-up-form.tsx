"use client";
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import { useErrorText, useFieldErrorText, useText } from "@/lib/i18n/text";
import { useTRPC } from "@/lib/trpc/react";
import { useShowFailure } from "@/lib/use-show-failure";

type Input = { name: string; email: string; password: string };

/** The same rules as the server's signUpInput, said in the page's language before the form is sent. */
function validate(input: Input): Partial<Record<keyof Input, "nameRequired" | "emailInvalid" | "passwordShort">> {
  return {
    ...(input.name.trim() === "" ? { name: "nameRequired" as const } : {}),
    ...(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email.trim()) ? {} : { email: "emailInvalid" as const }),
    ...(input.password.length < 10 ? { password: "passwordShort" as const } : {}),
  };
}

export function SignUpForm({ callbackUrl = null }: { callbackUrl?: string | null }) {
  const trpc = useTRPC();
  const t = useText("signUp");
  const errorText = useErrorText();
  const showFailure = useShowFailure();
  const fieldText = useFieldErrorText();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof Input, string>>>({});
  const signUp = useMutation(trpc.account.signUp.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    setError(null);
    setFieldErrors({});
    const invalid = validate(input);
    if (Object.keys(invalid).length > 0) {
      setFieldErrors(Object.fromEntries(Object.entries(invalid).map(([field, key]) => [field, t(key)])));
      setError(errorText({ message: "", code: null, fieldErrors: invalid }));
      return;
    }
    try {
      await signUp.mutateAsync(input);
    } catch (err) {
      const described = showFailure(err);
      setError(described.message);
      setFieldErrors(Object.fromEntries(Object.entries(described.fieldErrors).map(([field, messages]) => [field, fieldText(field, messages?.[0])])));
      return;
    }
    setCreated(true);
    await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    window.location.assign(callbackUrl ?? "/account");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      {created ? <StatusNotice>{t("created")}</StatusNotice> : null}
      <Field id="name" name="name" label={t("name")} autoComplete="name" required error={fieldErrors.name} />
      <Field id="email" name="email" type="email" label={t("email")} autoComplete="email" required error={fieldErrors.email} />
      <Field
        id="password"
        name="password"
        type="password"
        label={t("password")}
        autoComplete="new-password"
        required
        hint={t("passwordHint")}
        error={fieldErrors.password}
      />
      <Button type="submit" className="w-full" disabled={signUp.isPending || created}>
        {signUp.isPending || created ? t("pending") : t("submit")}
      </Button>
    </form>
  );
}
