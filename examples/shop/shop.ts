// A tiny shop that sells one lamp with Houfu pay later: node:http, no framework. What it shows a Houfu merchant:
// the pay-later sentence on the product page, a checkout session made with an Idempotency-Key, the hosted page and
// the way back, signed webhooks verified and de-duplicated by event id, and capture and refund from its own back office.
// Everything it knows is kept in memory; a real shop keeps it in its own database.
import { randomUUID } from "node:crypto";
import http from "node:http";
import { verifyWebhookSignature } from "../../lib/webhook-signature";
import { HoufuError, houfuClient, type HoufuOrder } from "./houfu-client";
import { cancelledPage, fenOf, messagePage, ordersPage, type Product, productPage, type ReceivedEvent, thanksPage } from "./pages";

export type ShopConfig = {
  /** Houfu's origin, e.g. http://localhost:3000. */
  houfuUrl: string;
  /** The store's secret API key (hk_test_…): only ever on the shop's server. */
  secretKey: string;
  /** The store's publishable key (hk_pub_…): safe in the product page. */
  publishableKey: string;
  /** The webhook endpoint's signing secret (whsec_…), shown once when the endpoint was added under Developers. */
  webhookSecret: string;
  /** Where shoppers reach this shop, for the hosted page to send them back, e.g. http://127.0.0.1:4000. */
  publicUrl: string;
};

export const LAMP: Product = {
  sku: "lamp-aurora",
  name: "Aurora desk lamp",
  priceFen: 129_900,
  description: "Warm, dimmable, with a weighted brass base.",
};

const MAX_BODY_BYTES = 1_000_000;
const CART_ID = /^[0-9a-f-]{36}$/;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error("body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const html = (res: http.ServerResponse, status: number, page: string) =>
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(page);
const redirect = (res: http.ServerResponse, location: string) => res.writeHead(303, { location }).end();

export function createShop(config: ShopConfig) {
  const houfu = houfuClient({ baseUrl: config.houfuUrl, secretKey: config.secretKey });
  const orders = new Map<number, HoufuOrder>();
  /** Event ids already handled: Houfu may deliver an event more than once (retries, Redeliver). */
  const handledEvents = new Set<string>();
  const events: ReceivedEvent[] = [];
  let refusedDeliveries = 0;

  async function receiveWebhook(req: http.IncomingMessage, res: http.ServerResponse) {
    // Verify the bytes as received, before parsing them.
    const rawBody = await readBody(req);
    const check = verifyWebhookSignature({ secret: config.webhookSecret, header: req.headers["houfu-signature"] as string | undefined, rawBody });
    if (!check.ok) {
      refusedDeliveries += 1;
      return res.writeHead(400).end(check.reason);
    }
    const event = JSON.parse(rawBody) as { id: string; type: string; data?: { id?: number } };
    if (handledEvents.has(event.id)) return res.writeHead(200).end("already handled");
    handledEvents.add(event.id);
    const orderId = event.type.startsWith("order.") && typeof event.data?.id === "number" ? event.data.id : null;
    try {
      // Deliveries may arrive out of order: read the order's current state rather than trusting the event's copy.
      if (orderId !== null && (event.type === "order.authorized" || orders.has(orderId))) orders.set(orderId, await houfu.getOrder(orderId));
    } catch {
      handledEvents.delete(event.id);
      return res.writeHead(503).end("try again"); // not acknowledged: Houfu retries with backoff
    }
    events.push({ id: event.id, type: event.type, orderId, receivedAt: new Date() });
    res.writeHead(200).end("ok");
  }

  async function checkout(req: http.IncomingMessage, res: http.ServerResponse) {
    const cart = new URLSearchParams(await readBody(req)).get("cart") ?? "";
    if (!CART_ID.test(cart)) return html(res, 400, messagePage("Your cart expired", `<p><a href="/">Start again</a></p>`));
    // The cart's id is the Idempotency-Key: pressing the button twice makes one session, not two.
    const session = await houfu.createCheckoutSession(
      {
        amountFen: LAMP.priceFen,
        merchantReference: `LAMP-${cart.slice(0, 8)}`,
        items: [{ name: LAMP.name, quantity: 1, unitPriceFen: LAMP.priceFen }],
        successUrl: `${config.publicUrl}/success`,
        cancelUrl: `${config.publicUrl}/cancel`,
      },
      `checkout-${cart}`,
    );
    redirect(res, session.url);
  }

  async function success(url: URL, res: http.ServerResponse) {
    // Ask Houfu rather than trusting the query string.
    const session = await houfu.getCheckoutSession(url.searchParams.get("session_id") ?? "");
    if (session.status !== "completed" || session.orderId === null)
      return html(res, 200, messagePage("Not confirmed", `<p>This checkout was not confirmed. <a href="/">Back to the lamp</a></p>`));
    const order = await houfu.getOrder(session.orderId);
    orders.set(order.id, order);
    html(res, 200, thanksPage(order));
  }

  async function orderAction(action: "capture" | "refund", orderId: number, req: http.IncomingMessage, res: http.ServerResponse) {
    const form = new URLSearchParams(await readBody(req));
    const order = orders.get(orderId);
    if (!order) return html(res, 404, messagePage("No such order", `<p><a href="/orders">Orders</a></p>`));
    try {
      if (action === "capture") {
        // One capture per order, so the order's id makes the key: a retry returns the first capture.
        orders.set(orderId, await houfu.capture(orderId, `capture-${orderId}`));
        return redirect(res, `/orders?notice=${encodeURIComponent(`Captured ${order.number}.`)}`);
      }
      const amountFen = fenOf(form.get("amount") ?? "");
      if (amountFen === null || amountFen < 1)
        return redirect(res, `/orders?error=${encodeURIComponent("Enter the amount to refund in yuan, e.g. 300.00.")}`);
      // The key came with the form: submitting the same form twice refunds once.
      await houfu.refund(orderId, amountFen, "Returned in part", `refund-${orderId}-${form.get("refundKey") ?? randomUUID()}`);
      orders.set(orderId, await houfu.getOrder(orderId));
      return redirect(res, `/orders?notice=${encodeURIComponent(`Refunded part of ${order.number}.`)}`);
    } catch (error) {
      if (!(error instanceof HoufuError)) throw error;
      return redirect(res, `/orders?error=${encodeURIComponent(`${error.code}: ${error.message}`)}`);
    }
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", config.publicUrl);
    const action = /^\/orders\/(\d{1,12})\/(capture|refund)$/.exec(url.pathname);
    if (req.method === "GET" && url.pathname === "/")
      return html(res, 200, productPage({ product: LAMP, houfuUrl: config.houfuUrl, publishableKey: config.publishableKey, cartId: randomUUID() }));
    if (req.method === "POST" && url.pathname === "/checkout") return checkout(req, res);
    if (req.method === "GET" && url.pathname === "/success") return success(url, res);
    if (req.method === "GET" && url.pathname === "/cancel") return html(res, 200, cancelledPage());
    if (req.method === "POST" && url.pathname === "/webhooks") return receiveWebhook(req, res);
    if (req.method === "GET" && url.pathname === "/orders")
      return html(
        res,
        200,
        ordersPage({
          orders: [...orders.values()].sort((a, b) => b.id - a.id),
          events,
          refusedDeliveries,
          notice: url.searchParams.get("notice"),
          error: url.searchParams.get("error"),
          refundKey: () => randomUUID(),
        }),
      );
    if (req.method === "POST" && action) return orderAction(action[2] as "capture" | "refund", Number(action[1]), req, res);
    if (req.method === "GET" && url.pathname === "/health") return res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    html(res, 404, messagePage("Not found", `<p><a href="/">Back to the lamp</a></p>`));
  }

  return http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) html(res, 502, messagePage("Something went wrong", `<p>Houfu could not be reached. <a href="/">Try again</a></p>`));
      else res.end();
    });
  });
}
