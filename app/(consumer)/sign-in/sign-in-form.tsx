"use client";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/notice";

export type SignInText = {
  email: string;
  password: string;
  submit: string;
  pending: string;
  wrong: string;
  rateLimited: string;
  newHere: string;
  createAccount: string;
};

export function SignInForm({ callbackUrl, text }: { callbackUrl: string | null; text: SignInText }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      // Credentials failures come back as "CredentialsSignin"; the only other refusal is the rate limit's.
      setError(result?.error && result.error !== "CredentialsSignin" ? text.rateLimited : text.wrong);
      return;
    }
    // A full navigation so the server renders with the new session; the sign-in page then sends each role home.
    window.location.assign(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      <Field id="email" name="email" type="email" label={text.email} autoComplete="email" required />
      <Field id="password" name="password" type="password" label={text.password} autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? text.pending : text.submit}
      </Button>
      <p className="text-center text-sm text-slate-600">
        {text.newHere}{" "}
        <Link href={callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up"} className="text-brand-700 underline">
          {text.createAccount}
        </Link>
      </p>
    </form>
  );
}
