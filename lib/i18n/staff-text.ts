import { getMessages } from "next-intl/server";

/** The namespaces a staff area's client components read with useText, picked on the server in the request's locale. */
export async function clientMessages(namespaces: readonly string[]) {
  const messages = (await getMessages()) as Record<string, Record<string, string>>;
  return Object.fromEntries(namespaces.map((ns) => [ns, messages[ns] ?? {}]));
}
