"use client";
import { createContext, useContext, type ReactNode } from "react";

// A few hundred bytes instead of next-intl's client runtime: the server layout picks the namespaces the area's
// client components need (already in the request's locale) and they read them through useText(namespace).
type Messages = Record<string, Record<string, string>>;
const TextContext = createContext<Messages>({});

export function TextProvider({ messages, children }: { messages: Messages; children: ReactNode }) {
  return <TextContext.Provider value={messages}>{children}</TextContext.Provider>;
}

export function useText(namespace: string) {
  const messages = useContext(TextContext)[namespace] ?? {};
  return (key: string, values?: Record<string, string | number>) =>
    (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name]));
}

/**
 * The sentence for a failed call in the page's language: a translation of its domain code (data.domainCode) when the
 * locale has one, otherwise the server's own sentence (English messages deliberately carry no codes).
 */
export function useErrorText() {
  const errors = useContext(TextContext).errors ?? {};
  return (d: { message: string; code: string | null; fieldErrors: object }) =>
    (Object.keys(d.fieldErrors).length ? errors.fields : d.code && errors[d.code]) || d.message;
}
