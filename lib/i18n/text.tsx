"use client";
import { createContext, useContext, type ReactNode } from "react";

// A few hundred bytes instead of next-intl's client runtime: the server layout picks the namespaces the area's
// client components need (already in the request's locale) and they read them through useText(namespace).
type Messages = Record<string, Record<string, string>>;
const TextContext = createContext<{ locale: string; messages: Messages }>({ locale: "en", messages: {} });

export function TextProvider({ messages, locale = "en", children }: { messages: Messages; locale?: string; children: ReactNode }) {
  return <TextContext.Provider value={{ locale, messages }}>{children}</TextContext.Provider>;
}

/** The request's locale, for formatDate and friends in client components. */
export function useTextLocale(): string {
  return useContext(TextContext).locale;
}

// The one ICU form the client messages use besides {name}: {count, plural, one {# thing} other {# things}} (either
// branch optional), with # standing for the number.
const PLURAL = /\{(\w+), plural,(?: one \{([^{}]*)\})?(?: other \{([^{}]*)\})?\}/g;

/** A client message with its values: {name} and the plural form above. */
export function fillMessage(template: string, values?: Record<string, string | number>): string {
  return template
    .replace(PLURAL, (_, name: string, one: string | undefined, other: string | undefined) => {
      const n = Number(values?.[name]);
      return ((n === 1 ? (one ?? other) : (other ?? one)) ?? "").replace(/#/g, String(values?.[name]));
    })
    .replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name]));
}

export function useText(namespace: string) {
  const messages = useContext(TextContext).messages[namespace] ?? {};
  return (key: string, values?: Record<string, string | number>) => fillMessage(messages[key] ?? key, values);
}

/**
 * The sentence for a failed call in the page's language: a translation of its domain code (data.domainCode) when the
 * locale has one, otherwise the server's own sentence (English messages deliberately carry no codes).
 */
export function useErrorText() {
  const { locale, messages } = useContext(TextContext);
  const errors = messages.errors ?? {};
  // Without a code (a network failure, an unexpected error) other locales say the generic sentence rather than English.
  const fallback = (message: string) => (locale === "en" ? message : (errors.generic ?? message));
  return (d: { message: string; code: string | null; fieldErrors: object }) =>
    (Object.keys(d.fieldErrors).length ? errors.fields : d.code && errors[d.code]) || fallback(d.message);
}

/** A field's error in the page's language: English keeps the server's sentence, other locales say it by field name. */
export function useFieldErrorText() {
  const { locale, messages } = useContext(TextContext);
  const fields = messages.fieldErrors ?? {};
  return (field: string, serverMessage: string | undefined): string | undefined => {
    if (serverMessage === undefined) return undefined;
    return locale === "en" ? serverMessage : (fields[field] ?? serverMessage);
  };
}
