import { getLocale, getMessages } from "next-intl/server";

/**
 * What an area's client components read with useText and useTextLocale: the namespaces they need, picked on the
 * server in the request's locale, and that locale. Spread into TextProvider by every area's layout.
 */
export async function clientText(namespaces: readonly string[]) {
  const [messages, locale] = await Promise.all([getMessages() as Promise<Record<string, Record<string, string>>>, getLocale()]);
  return { messages: Object.fromEntries(namespaces.map((ns) => [ns, messages[ns] ?? {}])), locale };
}
