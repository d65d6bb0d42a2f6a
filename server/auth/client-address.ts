// Who is asking: the client's address and whether it came over https, believing X-Forwarded-* headers only when
// the connection comes from a configured proxy (TRUSTED_PROXIES). `next start` owns the socket, so
// instrumentation.ts installs `stampForwarding` on the HTTP server: it drops forwarded headers an untrusted peer
// sent (Next then fills them from the socket) and writes the resolved client address into CLIENT_HEADER.
import type { IncomingMessage } from "node:http";
import { env, normaliseAddress } from "@/server/env";

export const CLIENT_HEADER = "x-houfu-client";
const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"];

/** The client's address: the peer, or when the peer is a trusted proxy, the nearest untrusted hop it reports. */
export function resolveClientAddress(peer: string, forwardedFor: string | undefined, trusted: ReadonlySet<string>): string {
  const hops = [
    ...(forwardedFor ?? "")
      .split(",")
      .map((hop) => normaliseAddress(hop.trim()))
      .filter(Boolean),
    normaliseAddress(peer),
  ];
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i]!)) return hops[i]!;
  return hops[0]!;
}

/** Applied to each request as it arrives, before Next reads it. */
export function stampForwarding(req: IncomingMessage, trusted: ReadonlySet<string>): void {
  const peer = normaliseAddress(req.socket?.remoteAddress ?? "unknown");
  const fromProxy = trusted.has(peer);
  const forwardedFor = req.headers["x-forwarded-for"];
  if (!fromProxy) for (const name of FORWARDED_HEADERS) delete req.headers[name];
  req.headers[CLIENT_HEADER] = fromProxy
    ? resolveClientAddress(peer, Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor, trusted)
    : peer;
}

/** The client address stamped on a request (an unstamped request, e.g. in a test, counts as "unknown"). */
export function clientAddressOf(headers: Headers | Record<string, unknown> | undefined): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_HEADER) : headers?.[CLIENT_HEADER];
  return typeof value === "string" && value ? value : "unknown";
}

/**
 * Whether the client reached the app over https: NEXTAUTH_URL is https, or X-Forwarded-Proto says so. That header is
 * believable: stampForwarding drops it from anyone but a trusted proxy, and Next then sets it from the socket.
 */
export function servedOverHttps(headers: Headers | Record<string, unknown>, publicUrl: string | undefined = env.NEXTAUTH_URL): boolean {
  if (publicUrl?.startsWith("https://")) return true;
  const proto = headers instanceof Headers ? headers.get("x-forwarded-proto") : headers["x-forwarded-proto"];
  return typeof proto === "string" && proto.split(",")[0]!.trim().toLowerCase() === "https";
}
