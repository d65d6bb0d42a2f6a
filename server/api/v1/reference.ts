// A readable reference page rendered from the same OpenAPI document (no client script: the CSP stays strict).
import { openApiDocument } from "./openapi";
import type { ApiProblemCode } from "./problem";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const PROBLEMS: [ApiProblemCode | string, string][] = [
  ["UNAUTHENTICATED", "401 — the Authorization header is missing, or names an unknown or revoked key."],
  ["RATE_LIMITED", "429 — too many requests with this key; wait the Retry-After seconds."],
  ["INVALID_REQUEST", "400 — a field is missing or out of bounds; errors[] names each one."],
  ["INVALID_JSON", "400 — the body is not JSON."],
  ["IDEMPOTENCY_KEY_REQUIRED", "400 — a POST without an Idempotency-Key header."],
  ["IDEMPOTENCY_KEY_REUSED", "422 — the key was already used for a different request."],
  ["IDEMPOTENCY_IN_PROGRESS", "409 — the first request with this key is still running; retry shortly."],
  ["NOT_FOUND", "404 — no such object in your store."],
  ["INVALID_TRANSITION", "409 — the order's state does not allow this (e.g. a refund before shipping)."],
  ["NOTHING_TO_REFUND", "409 — the order is already refunded in full."],
  ["REFUND_TOO_LARGE", "422 — more than the order's refundableFen."],
  ["NO_PUBLISHABLE_KEY", "401 — GET /messaging without a valid publishable key (hk_pub_…)."],
  ["STORE_NO_PAY_LATER", "422 — your store does not offer pay later (turn it on in the merchant settings)."],
  ["BELOW_STORE_MINIMUM", "422 — amountFen is below your store's pay-later minimum."],
  ["ABOVE_STORE_MAXIMUM", "422 — amountFen is above your store's pay-later maximum."],
  ["AUTHORIZATION_EXPIRED", "409 — the order was not captured within the authorization window; its credit was released."],
  ["CAPTURE_TOO_LARGE", "422 — more than the order's authorizedFen."],
  ["INTERNAL", "500 — our fault; retry with the same Idempotency-Key."],
];

function schemaText(schema: unknown): string {
  return escapeHtml(JSON.stringify(schema, null, 2));
}

export function apiReferenceHtml(): string {
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const o = op as {
        operationId: string;
        summary: string;
        description?: string;
        parameters: unknown[];
        requestBody?: unknown;
        responses: Record<string, { description: string }>;
      };
      return `<section id="${escapeHtml(o.operationId)}">
<h3><code>${method.toUpperCase()} /api/v1${escapeHtml(path)}</code> — ${escapeHtml(o.summary)}</h3>
${o.description ? `<p>${escapeHtml(o.description)}</p>` : ""}
${o.parameters.length ? `<h4>Parameters</h4><pre>${schemaText(o.parameters)}</pre>` : ""}
${o.requestBody ? `<h4>Body</h4><pre>${schemaText(o.requestBody)}</pre>` : ""}
<h4>Responses</h4><ul>${Object.entries(o.responses)
        .map(([status, r]) => `<li><strong>${escapeHtml(status)}</strong> ${escapeHtml(r.description)}</li>`)
        .join("")}</ul>
</section>`;
    }),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Houfu merchant API reference</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#0f172a}pre{background:#f1f5f9;padding:.75rem;overflow:auto;font-size:13px}code{font-size:.95em}section{border-top:1px solid #cbd5e1;margin-top:1.5rem}a{color:#1d4ed8}</style>
</head><body><main>
<h1>Houfu merchant API</h1>
<p>${escapeHtml(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI ${doc.openapi}). Create keys under <a href="/merchant/developers">Developers</a> in the merchant area.</p>
<h2>Conventions</h2>
<ul><li>Every POST needs an <code>Idempotency-Key</code> header; a retry with the same key and body returns the first response (header <code>Idempotent-Replayed: true</code>).</li>
<li>Errors are <code>application/problem+json</code> with a stable <code>code</code>.</li></ul>
<h2>Operations</h2>
${operations.join("\n")}
<h2>Problems</h2>
<dl>${PROBLEMS.map(([code, text]) => `<dt id="problem-${code.toLowerCase().replaceAll("_", "-")}"><code>${code}</code></dt><dd>${escapeHtml(text)}</dd>`).join("")}</dl>
<h2>Schemas</h2>
${Object.entries(doc.components.schemas)
  .map(([id, schema]) => `<h3 id="schema-${escapeHtml(id)}">${escapeHtml(id)}</h3><pre>${schemaText(schema)}</pre>`)
  .join("\n")}
</main></body></html>`;
}
