// Installs stampForwarding on every HTTP server of this process. `next start` creates its server before
// instrumentation runs and gives the app no hook on the raw request, so the shared prototype's emit is wrapped.
import http from "node:http";
import { trustedProxies } from "@/server/env";
import { stampForwarding } from "./client-address";

const INSTALLED = Symbol.for("houfu.forwardingStamped");

export function installForwardingStamp(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  const trusted = trustedProxies();
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") stampForwarding(args[0] as http.IncomingMessage, trusted);
    return (emit as (event: string | symbol, ...args: unknown[]) => boolean).apply(this, [event, ...args]);
  } as typeof proto.emit;
  proto[INSTALLED] = true;
}
