// The few Houfu API calls this shop makes, with its secret key. Every POST carries an Idempotency-Key the shop chose,
// so a retry (a double click, a timeout) returns the first answer instead of doing it twice.

export type HoufuOrder = {
  id: number;
  number: string;
  status: string;
  amountFen: number;
  authorizedFen: number | null;
  refundedFen: number;
  refundableFen: number;
  capturedAt: string | null;
};
export type CheckoutSession = { id: string; url: string; status: string; orderId: number | null; merchantReference: string };
export type NewCheckoutSession = {
  amountFen: number;
  merchantReference: string;
  items: { name: string; quantity: number; unitPriceFen: number }[];
  successUrl: string;
  cancelUrl: string;
};

/** A refusal from Houfu: an RFC 9457 problem with a stable code, e.g. REFUND_TOO_LARGE. */
export class HoufuError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(detail);
  }
}

export function houfuClient(config: { baseUrl: string; secretKey: string }) {
  async function call<T>(method: "GET" | "POST", path: string, options: { body?: unknown; idempotencyKey?: string } = {}): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${config.secretKey}`, accept: "application/json" };
    if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${config.baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new HoufuError(response.status, String(answer.code ?? "ERROR"), String(answer.detail ?? response.statusText));
    return answer as T;
  }

  return {
    createCheckoutSession: (session: NewCheckoutSession, idempotencyKey: string) =>
      call<CheckoutSession>("POST", "/checkout-sessions", { body: session, idempotencyKey }),
    getCheckoutSession: (id: string) => call<CheckoutSession>("GET", `/checkout-sessions/${encodeURIComponent(id)}`),
    getOrder: (id: number) => call<HoufuOrder>("GET", `/orders/${id}`),
    capture: (id: number, idempotencyKey: string, amountFen?: number) =>
      call<HoufuOrder>("POST", `/orders/${id}/capture`, { body: amountFen === undefined ? {} : { amountFen }, idempotencyKey }),
    refund: (id: number, amountFen: number, reason: string, idempotencyKey: string) =>
      call<{ id: number; amountFen: number }>("POST", `/orders/${id}/refunds`, { body: { amountFen, reason }, idempotencyKey }),
  };
}

export type HoufuClient = ReturnType<typeof houfuClient>;
