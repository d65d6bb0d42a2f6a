// The shop's HTML: a product page with Houfu's pay-later sentence, the return pages, and its back office of orders.
import type { HoufuOrder } from "./houfu-client";

export type Product = { sku: string; name: string; priceFen: number; description: string };
export type ReceivedEvent = { id: string; type: string; orderId: number | null; receivedAt: Date };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** ¥1,299.00 from integer fen, without floating point. */
export function yuan(fen: number): string {
  const whole = Math.trunc(Math.abs(fen) / 100).toLocaleString("en-US");
  return `${fen < 0 ? "-" : ""}¥${whole}.${String(Math.abs(fen) % 100).padStart(2, "0")}`;
}

/** "300" or "300.5" or "300.50" (yuan, as typed) in fen; null when it is not an amount. */
export function fenOf(typed: string): number | null {
  const match = /^\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(typed);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}

function layout(title: string, body: string, head = ""): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Lamp &amp; Co.</title>${head}
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1e293b}
button{font:inherit;padding:.5rem 1rem;border-radius:.5rem;border:1px solid #334155;background:#0f172a;color:#fff;cursor:pointer}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #cbd5e1;vertical-align:top}
[role=alert]{color:#991b1b}[role=status]{color:#166534}.houfu{color:#475569}input{font:inherit;width:7rem}</style></head>
<body><header><a href="/">Lamp &amp; Co.</a> · <a href="/orders">Back office: orders</a></header><main>${body}</main></body></html>`;
}

export function productPage(input: { product: Product; houfuUrl: string; publishableKey: string; cartId: string }): string {
  const { product } = input;
  // Houfu's embeddable script fills the element marked data-houfu-messaging with the store's own terms.
  const script = `<script src="${escapeHtml(input.houfuUrl)}/api/v1/messaging.js" data-key="${escapeHtml(input.publishableKey)}" async></script>`;
  return layout(
    product.name,
    `<h1>${escapeHtml(product.name)}</h1>
<p>${escapeHtml(product.description)}</p>
<p><strong>${yuan(product.priceFen)}</strong></p>
<p class="houfu" data-houfu-messaging data-amount-fen="${product.priceFen}" data-locale="en"></p>
<form method="post" action="/checkout">
  <input type="hidden" name="cart" value="${escapeHtml(input.cartId)}">
  <button type="submit">Pay later with Houfu</button>
</form>`,
    script,
  );
}

export function messagePage(title: string, body: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>${body}`);
}

export function thanksPage(order: HoufuOrder): string {
  return messagePage(
    "Thank you",
    `<p role="status">Order ${escapeHtml(order.number)} is confirmed: ${yuan(order.authorizedFen ?? order.amountFen)} with Houfu pay later. Nothing is billed until we ship.</p>
<p><a href="/">Keep shopping</a></p>`,
  );
}

export function cancelledPage(): string {
  return messagePage("Checkout cancelled", `<p>Nothing was ordered. <a href="/">Back to the lamp</a></p>`);
}

function orderRow(order: HoufuOrder, refundKey: string): string {
  const capture =
    order.status === "authorized"
      ? `<form method="post" action="/orders/${order.id}/capture"><button type="submit" aria-label="Capture ${escapeHtml(order.number)}">Capture</button></form>`
      : "";
  const refund =
    order.refundableFen > 0
      ? `<form method="post" action="/orders/${order.id}/refund">
  <input type="hidden" name="refundKey" value="${escapeHtml(refundKey)}">
  <label>Refund amount (¥) <input name="amount" inputmode="decimal" required aria-label="Refund amount for ${escapeHtml(order.number)}"></label>
  <button type="submit" aria-label="Refund part of ${escapeHtml(order.number)}">Refund part</button></form>`
      : "";
  return `<tr aria-label="Order ${escapeHtml(order.number)}"><td>${escapeHtml(order.number)}</td><td>${escapeHtml(order.status)}</td>
<td>Authorized ${yuan(order.authorizedFen ?? order.amountFen)}<br>Captured ${order.capturedAt ? yuan(order.amountFen) : "—"}<br>Refunded ${yuan(order.refundedFen)}</td>
<td>${capture}${refund}</td></tr>`;
}

export function ordersPage(input: {
  orders: HoufuOrder[];
  events: ReceivedEvent[];
  refusedDeliveries: number;
  notice: string | null;
  error: string | null;
  refundKey: (orderId: number) => string;
}): string {
  const orders =
    input.orders.length === 0
      ? "<p>No orders yet.</p>"
      : `<table><caption>Orders paid with Houfu</caption><thead><tr><th>Order</th><th>Status</th><th>Amounts</th><th>Actions</th></tr></thead>
<tbody>${input.orders.map((o) => orderRow(o, input.refundKey(o.id))).join("")}</tbody></table>`;
  const events =
    input.events.length === 0
      ? "<p>No webhooks received yet.</p>"
      : `<ul aria-label="Verified webhooks">${input.events
          .map((e) => `<li>${escapeHtml(e.type)} ${escapeHtml(e.id)}${e.orderId === null ? "" : ` (order ${e.orderId})`}: signature verified</li>`)
          .join("")}</ul>`;
  return messagePage(
    "Orders",
    `${input.notice ? `<p role="status">${escapeHtml(input.notice)}</p>` : ""}${input.error ? `<p role="alert">${escapeHtml(input.error)}</p>` : ""}
${orders}
<h2>Webhooks from Houfu</h2>${events}
<p>Refused deliveries (bad or stale signature): ${input.refusedDeliveries}</p>`,
  );
}
