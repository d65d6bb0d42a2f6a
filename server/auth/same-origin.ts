// Mutations only from the app's own pages: a request whose Origin names another host is refused. The host is
// X-Forwarded-Host when a trusted proxy set it (client-address.ts drops it from anyone else), else Host.
type HeaderSource = { get(name: string): string | null };

export const CROSS_ORIGIN_MESSAGE = "Cross-origin requests are not allowed.";

export function isForeignOrigin(headers: HeaderSource): boolean {
  const origin = headers.get("origin");
  if (!origin) return false;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
