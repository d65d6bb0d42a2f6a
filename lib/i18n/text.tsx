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
    (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? `{${name}}`));
}
