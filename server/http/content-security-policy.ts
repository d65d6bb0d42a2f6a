// The page CSP: scripts run only from this site and only with the nonce minted for this response, so an injected
// inline script or event handler does not run. proxy.ts makes one per request and hands the nonce to Next (which
// stamps it on its own scripts) through the request's Content-Security-Policy header.

/** 128 random bits, base64: unguessable and fresh for every response. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** Development adds eval and the websocket that fast refresh needs. Styles stay inline-friendly (Next and toasts inline some). */
export function contentSecurityPolicy(nonce: string, { development }: { development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}
