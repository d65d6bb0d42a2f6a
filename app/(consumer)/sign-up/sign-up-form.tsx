"use client";
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/notice";
import { describeError, type FieldErrors } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/react";

export function SignUpForm() {
  const trpc = useTRPC();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const signUp = useMutation(trpc.account.signUp.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    setError(null);
    setFieldErrors({});
    try {
      await signUp.mutateAsync(input);
    } catch (err) {
      const described = describeError(err);
      setError(described.message);
      setFieldErrors(described.fieldErrors);
      return;
    }
    await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    window.location.assign("/account");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      <Field id="name" name="name" label="Name" autoComplete="name" required error={fieldErrors.name?.[0]} />
      <Field id="email" name="email" type="email" label="Email" autoComplete="email" required error={fieldErrors.email?.[0]} />
      <Field id="password" name="password" type="password" label="Password" autoComplete="new-password" required hint="At least 10 characters." error={fieldErrors.password?.[0]} />
      <Button type="submit" className="w-full" disabled={signUp.isPending}>
        {signUp.isPending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
