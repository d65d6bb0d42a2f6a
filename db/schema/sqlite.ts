// The whole Houfu domain on SQLite. Money is integer fen; instants are UTC epoch ms; due dates are
// calendar dates ("YYYY-MM-DD" text) in the platform time zone. Its PostgreSQL twin is ./pg.ts, held
// equal by tests/schema-parity.test.ts.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  AUTOPAY_CHARGE_STATUSES,
  BILL_STATUSES,
  CHECKOUT_SESSION_STATUSES,
  CREDIT_EVENT_REASONS,
  INSTALMENT_STATES,
  ORDER_EVENT_TYPES,
  ORDER_STATUSES,
  OUTBOX_CHANNELS,
  PAY_LATER_STATUSES,
  PAYMENT_KINDS,
  PAYMENT_METHODS,
  ROLES,
  SUPPORT_STATUSES,
  SUPPORT_TOPICS,
  SUSPENDED_REASONS,
  WEBHOOK_DELIVERY_STATUSES,
} from "./enums";

const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull();

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    // Every session token carries the version it was issued under; raising it ends them all (server/auth/revocation.ts).
    sessionVersion: integer("session_version").notNull().default(0),
    // When the consumer closed the account; their personal fields are erased then.
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email), index("users_role_idx").on(t.role, t.id)],
);

export const creditProfiles = sqliteTable(
  "credit_profiles",
  {
    userId: integer("user_id")
      .primaryKey()
      .references(() => users.id),
    score: integer("score").notNull(),
    payLaterStatus: text("pay_later_status", { enum: PAY_LATER_STATUSES }).notNull(),
    // Why the account is suspended: "overdue" (lifted automatically) or "admin" (only by an admin).
    suspendedReason: text("suspended_reason", { enum: SUSPENDED_REASONS }),
    // The admin's words when an admin suspended it, shown to the consumer.
    suspendedNote: text("suspended_note"),
    // Unpaid principal of open instalments, kept in the same transaction as every change to them.
    usedCreditFen: integer("used_credit_fen").notNull().default(0),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("credit_profiles_score_idx").on(t.score)],
);

export const creditEvents = sqliteTable(
  "credit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    delta: integer("delta").notNull(),
    scoreAfter: integer("score_after").notNull(),
    reason: text("reason", { enum: CREDIT_EVENT_REASONS }).notNull(),
    note: text("note"),
    orderId: integer("order_id").references(() => orders.id),
    instalmentId: integer("instalment_id").references(() => instalments.id),
    actorUserId: integer("actor_user_id").references(() => users.id),
    // Makes each score effect happen once, e.g. "overdue:42".
    effectKey: text("effect_key"),
    createdAt: createdAt(),
  },
  (t) => [index("credit_events_user_idx").on(t.userId, t.createdAt, t.id), uniqueIndex("credit_events_effect_uq").on(t.effectKey)],
);

export const agreements = sqliteTable("agreements", {
  version: integer("version").primaryKey(),
  title: text("title").notNull(),
  bodyEn: text("body_en").notNull(),
  bodyZh: text("body_zh").notNull(),
  createdAt: createdAt(),
});

export const agreementAcceptances = sqliteTable(
  "agreement_acceptances",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    agreementVersion: integer("agreement_version")
      .notNull()
      .references(() => agreements.version),
    acceptedAt: integer("accepted_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("agreement_acceptances_uq").on(t.userId, t.agreementVersion)],
);

export const stores = sqliteTable(
  "stores",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ownerUserId: integer("owner_user_id")
      .notNull()
      .references(() => users.id),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    category: text("category").notNull().default("General"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    payLaterEnabled: integer("pay_later_enabled", { mode: "boolean" }).notNull().default(false),
    // An admin can force pay-later off; the merchant cannot turn it back on while set.
    payLaterForcedOff: integer("pay_later_forced_off", { mode: "boolean" }).notNull().default(false),
    // The admin's reason for forcing it off, shown to the merchant.
    payLaterForcedOffReason: text("pay_later_forced_off_reason"),
    payLaterMinFen: integer("pay_later_min_fen"),
    payLaterMaxFen: integer("pay_later_max_fen"),
    // The store's publishable key (hk_pub_…) for the messaging API and script: not a secret, safe to embed.
    publishableKey: text("publishable_key"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("stores_slug_uq").on(t.slug),
    uniqueIndex("stores_publishable_key_uq").on(t.publishableKey),
    uniqueIndex("stores_owner_uq").on(t.ownerUserId),
    index("stores_active_idx").on(t.active, t.name),
  ],
);

export const products = sqliteTable(
  "products",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    priceFen: integer("price_fen").notNull(),
    stock: integer("stock").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    featured: integer("featured", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("products_store_idx").on(t.storeId, t.active, t.id), index("products_featured_idx").on(t.featured, t.active)],
);

export const cartItems = sqliteTable(
  "cart_items",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    quantity: integer("quantity").notNull(),
    addedAt: integer("added_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.productId] })],
);

export const orders = sqliteTable(
  "orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    number: text("number").notNull(),
    consumerId: integer("consumer_id")
      .notNull()
      .references(() => users.id),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    paymentMethod: text("payment_method", { enum: PAYMENT_METHODS }).notNull(),
    planCode: text("plan_code"),
    totalFen: integer("total_fen").notNull(),
    refundedFen: integer("refunded_fen").notNull().default(0),
    shippingName: text("shipping_name").notNull(),
    shippingPhone: text("shipping_phone").notNull(),
    shippingAddress: text("shipping_address").notNull(),
    // Given by the merchant when marking the order shipped (both optional), shown to the consumer.
    shippingCarrier: text("shipping_carrier"),
    trackingNumber: text("tracking_number"),
    policyVersion: integer("policy_version")
      .notNull()
      .references(() => policyVersions.version),
    idempotencyKey: text("idempotency_key").notNull(),
    // SHA-256 of what the request asked for (server/domain/orders.ts orderRequestHash): a replayed key with a
    // different request is refused. Null on orders placed before it was kept.
    requestHash: text("request_hash"),
    // Merchant API orders: the amount authorized (credit reserved), until when it may be captured, and when it was.
    authorizedFen: integer("authorized_fen"),
    authorizedUntil: integer("authorized_until", { mode: "timestamp_ms" }),
    capturedAt: integer("captured_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("orders_number_uq").on(t.number),
    uniqueIndex("orders_idempotency_uq").on(t.consumerId, t.idempotencyKey),
    index("orders_consumer_idx").on(t.consumerId, t.id),
    index("orders_store_idx").on(t.storeId, t.id),
    index("orders_store_status_idx").on(t.storeId, t.status, t.id),
    // Covering: pay-later volume per store and platform-wide.
    index("orders_method_store_total_idx").on(t.paymentMethod, t.storeId, t.totalFen),
    // The credit jobs' expiry list: uncaptured authorizations by deadline.
    index("orders_authorized_until_idx").on(t.authorizedUntil).where(sql`status = 'authorized'`),
  ],
);

export const orderLines = sqliteTable(
  "order_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    // Null for a merchant API order's items, which are the shop's own, not Houfu products.
    productId: integer("product_id").references(() => products.id),
    productName: text("product_name").notNull(),
    unitPriceFen: integer("unit_price_fen").notNull(),
    quantity: integer("quantity").notNull(),
  },
  (t) => [index("order_lines_order_idx").on(t.orderId)],
);

export const orderEvents = sqliteTable(
  "order_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    type: text("type", { enum: ORDER_EVENT_TYPES }).notNull(),
    actorUserId: integer("actor_user_id").references(() => users.id),
    amountFen: integer("amount_fen"),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.id)],
);

export const bills = sqliteTable(
  "bills",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    consumerId: integer("consumer_id")
      .notNull()
      .references(() => users.id),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id),
    // The terms (grace, fees) come from the policy version the bill was made with.
    policyVersion: integer("policy_version")
      .notNull()
      .references(() => policyVersions.version),
    planCode: text("plan_code").notNull(),
    totalFen: integer("total_fen").notNull(),
    status: text("status", { enum: BILL_STATUSES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("bills_order_uq").on(t.orderId),
    index("bills_consumer_idx").on(t.consumerId, t.status, t.id),
    index("bills_store_idx").on(t.storeId, t.status, t.id),
  ],
);

export const instalments = sqliteTable(
  "instalments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    billId: integer("bill_id")
      .notNull()
      .references(() => bills.id),
    consumerId: integer("consumer_id")
      .notNull()
      .references(() => users.id),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id),
    seq: integer("seq").notNull(),
    dueDate: text("due_date").notNull(),
    // First calendar day on which the instalment counts as overdue (due date + grace + 1).
    overdueOn: text("overdue_on").notNull(),
    amountFen: integer("amount_fen").notNull(),
    paidPrincipalFen: integer("paid_principal_fen").notNull().default(0),
    lateFeeFen: integer("late_fee_fen").notNull().default(0),
    // late fee taken off by refunds since it was charged, so the fee first charged is lateFeeFen + this.
    feeWaivedFen: integer("fee_waived_fen").notNull().default(0),
    paidFeeFen: integer("paid_fee_fen").notNull().default(0),
    state: text("state", { enum: INSTALMENT_STATES }).notNull(),
    // Set by the credit jobs when they applied the overdue side effects.
    overdueMarkedAt: integer("overdue_marked_at", { mode: "timestamp_ms" }),
    paidAt: integer("paid_at", { mode: "timestamp_ms" }),
    // Calendar day it was fully paid, for on-time measures.
    paidOn: text("paid_on"),
  },
  (t) => [
    uniqueIndex("instalments_bill_seq_uq").on(t.billId, t.seq),
    index("instalments_store_state_due_idx").on(t.storeId, t.state, t.dueDate),
    index("instalments_consumer_state_due_idx").on(t.consumerId, t.state, t.dueDate),
    index("instalments_state_overdue_idx").on(t.state, t.overdueOn),
    // Open instalments only, covering the distinct overdue bills/customers per store and platform-wide.
    // (state is repeated as the last column so that SQLite sees the index as covering.)
    // Grouped by bill / by consumer in index order, so distinct counts need no temporary B-tree.
    index("instalments_open_store_bill_idx").on(t.storeId, t.billId, t.overdueOn, t.state).where(sql`state = 'open'`),
    index("instalments_open_store_consumer_idx").on(t.storeId, t.consumerId, t.overdueOn, t.state).where(sql`state = 'open'`),
    // The merchant overdue list by days overdue: a seek on (overdue_on, id) in index order, no sort, on every page.
    index("instalments_open_store_overdue_on_idx").on(t.storeId, t.overdueOn, t.id).where(sql`state = 'open'`),
    index("instalments_open_consumer_idx").on(t.consumerId, t.overdueOn, t.state).where(sql`state = 'open'`),
    index("instalments_open_overdue_cov_idx").on(t.overdueOn, t.billId, t.consumerId, t.state).where(sql`state = 'open'`),
    // The credit jobs' work list: open instalments whose overdue effects are not applied yet (empty once they ran).
    index("instalments_open_unmarked_idx").on(t.overdueOn).where(sql`state = 'open' AND overdue_marked_at IS NULL`),
  ],
);

/**
 * Receivables per store and day: every instalment counted in the row for its (store, due date,
 * overdue date). Kept equal to the instalments by triggers on `instalments` (migration
 * 0002_receivable_days), so every write — place, repay, jobs, cancel, refund, seeds — maintains it
 * in the same transaction. The summaries aggregate a few hundred rows and apply today's date.
 */
export const receivableDays = sqliteTable(
  "receivable_days",
  {
    storeId: integer("store_id").notNull(),
    dueDate: text("due_date").notNull(),
    overdueOn: text("overdue_on").notNull(),
    openCount: integer("open_count").notNull().default(0),
    owedFen: integer("owed_fen").notNull().default(0),
    nonVoidCount: integer("non_void_count").notNull().default(0),
    paidCount: integer("paid_count").notNull().default(0),
    paidOnTimeCount: integer("paid_on_time_count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.dueDate, t.overdueOn] })],
);

export const payments = sqliteTable(
  "payments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    consumerId: integer("consumer_id")
      .notNull()
      .references(() => users.id),
    billId: integer("bill_id").references(() => bills.id),
    orderId: integer("order_id").references(() => orders.id),
    kind: text("kind", { enum: PAYMENT_KINDS }).notNull(),
    amountFen: integer("amount_fen").notNull(),
    cardLast4: text("card_last4"),
    providerRef: text("provider_ref").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("payments_idempotency_uq").on(t.consumerId, t.idempotencyKey),
    index("payments_bill_idx").on(t.billId, t.id),
    index("payments_created_idx").on(t.kind, t.createdAt),
  ],
);

export const paymentAllocations = sqliteTable(
  "payment_allocations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    paymentId: integer("payment_id")
      .notNull()
      .references(() => payments.id),
    instalmentId: integer("instalment_id")
      .notNull()
      .references(() => instalments.id),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id),
    principalFen: integer("principal_fen").notNull(),
    feeFen: integer("fee_fen").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("payment_allocations_payment_idx").on(t.paymentId),
    index("payment_allocations_instalment_idx").on(t.instalmentId),
    index("payment_allocations_store_created_idx").on(t.storeId, t.createdAt),
    // Covering: money collected in a window, per store and platform-wide, without reading the rows.
    index("payment_allocations_store_created_amounts_idx").on(t.storeId, t.createdAt, t.principalFen, t.feeFen),
    index("payment_allocations_created_amounts_idx").on(t.createdAt, t.principalFen, t.feeFen),
  ],
);

export const refunds = sqliteTable(
  "refunds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    amountFen: integer("amount_fen").notNull(),
    // Part of the refund that was paid back to the consumer (the rest reduced the bill).
    paidBackFen: integer("paid_back_fen").notNull(),
    // late fee this refund took off the bill (a smaller instalment keeps its fee within the cap).
    feeWaivedFen: integer("fee_waived_fen").notNull().default(0),
    reason: text("reason").notNull(),
    actorUserId: integer("actor_user_id")
      .notNull()
      .references(() => users.id),
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("refunds_order_idx").on(t.orderId), uniqueIndex("refunds_idempotency_uq").on(t.orderId, t.idempotencyKey)],
);

export const policyVersions = sqliteTable("policy_versions", {
  version: integer("version").primaryKey(),
  // JSON of PolicyParams (server/domain/policy.ts); rows are never updated.
  params: text("params", { mode: "json" }).notNull(),
  note: text("note").notNull(),
  authorUserId: integer("author_user_id").references(() => users.id),
  createdAt: createdAt(),
});

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorUserId: integer("actor_user_id")
      .notNull()
      .references(() => users.id),
    actorRole: text("actor_role", { enum: ROLES }).notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_created_idx").on(t.id),
    index("audit_log_actor_idx").on(t.actorUserId, t.id),
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.id),
  ],
);

export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    // A NotificationKind with its figures in params (server/domain/notifications.ts); the words are chosen when read.
    kind: text("kind").notNull(),
    params: text("params", { mode: "json" }).$type<unknown>(),
    // English text of rows written before notifications had params; null on every newer row.
    title: text("title"),
    body: text("body"),
    link: text("link"),
    // One notification per event, e.g. "due_in_3:42".
    dedupeKey: text("dedupe_key").notNull(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("notifications_dedupe_uq").on(t.dedupeKey),
    index("notifications_user_idx").on(t.userId, t.id),
    index("notifications_unread_idx").on(t.userId).where(sql`read_at IS NULL`),
  ],
);

export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    channel: text("channel", { enum: OUTBOX_CHANNELS }).notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("outbox_unsent_idx").on(t.id).where(sql`sent_at IS NULL`)],
);

export const receivablesSnapshots = sqliteTable(
  "receivables_snapshots",
  {
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id),
    date: text("date").notNull(),
    outstandingFen: integer("outstanding_fen").notNull(),
    overdueFen: integer("overdue_fen").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.date] })],
);

// A lease row makes the credit jobs run one at a time across processes.
export const jobLeases = sqliteTable("job_leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  lastRunAt: integer("last_run_at", { mode: "timestamp_ms" }),
});

// Sign-in and sign-up throttling, shared by every app server: one row per (scope, key), e.g.
// ("sign_in_pair", "alice@example.com|203.0.113.7"). Failures count within a window that starts at the first one.
export const authThrottle = sqliteTable(
  "auth_throttle",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    windowStart: integer("window_start", { mode: "timestamp_ms" }).notNull(),
    failures: integer("failures").notNull().default(0),
    blockedUntil: integer("blocked_until", { mode: "timestamp_ms" }),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

// A merchant's secret API keys (issue 18): only the sha256 of the secret is kept; `prefix` is what the
// Developers page shows to tell keys apart. Revoked keys stay, so the page can list them.
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("api_keys_secret_hash_uq").on(t.secretHash), index("api_keys_store_idx").on(t.storeId, t.id)],
);

// The first response to each (store, Idempotency-Key) of the merchant API; `responseStatus` is null while the
// first request is still running. Kept in the database so a replay on another server sees it.
export const apiIdempotency = sqliteTable(
  "api_idempotency",
  {
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id),
    idempotencyKey: text("idempotency_key").notNull(),
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    createdAt: createdAt(),
  },
  // created_at: the job runner purges stored responses past API_IDEMPOTENCY_RETENTION_MS, oldest first.
  (t) => [primaryKey({ columns: [t.storeId, t.idempotencyKey] }), index("api_idempotency_created_idx").on(t.createdAt)],
);

// Requests per API key in the current fixed window, shared by every app server.
export const apiRateLimits = sqliteTable("api_rate_limits", {
  keyId: integer("key_id")
    .primaryKey()
    .references(() => apiKeys.id),
  windowStart: integer("window_start", { mode: "timestamp_ms" }).notNull(),
  requests: integer("requests").notNull().default(0),
});
// Webhooks (issue 18): a store's endpoints, the events its changes raised (the outbox) and one delivery per event and
// subscribed endpoint. The signing secret is kept encrypted (server/services/webhooks/endpoint-secret.ts).
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id),
    url: text("url").notNull(),
    // The event types it subscribes to, a JSON array of WebhookEventType.
    events: text("events", { mode: "json" }).$type<string[]>().notNull(),
    secretCiphertext: text("secret_ciphertext").notNull(),
    secretPrefix: text("secret_prefix").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_endpoints_store_idx").on(t.storeId, t.id)],
);

export const webhookEvents = sqliteTable(
  "webhook_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // evt_…: what receivers de-duplicate on; the same in every delivery and retry of the event.
    publicId: text("public_id").notNull(),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id),
    type: text("type").notNull(),
    // The exact JSON body every delivery sends.
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("webhook_events_public_id_uq").on(t.publicId), index("webhook_events_created_idx").on(t.createdAt)],
);

export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    endpointId: integer("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id),
    eventId: integer("event_id")
      .notNull()
      .references(() => webhookEvents.id),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }),
    // A runner's claim: until it lapses no other runner sends this delivery; the token fences the runner's write-back.
    claimedUntil: integer("claimed_until", { mode: "timestamp_ms" }),
    claimToken: text("claim_token"),
    lastAttemptAt: integer("last_attempt_at", { mode: "timestamp_ms" }),
    responseStatus: integer("response_status"),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.id),
    index("webhook_deliveries_event_idx").on(t.eventId),
    index("webhook_deliveries_done_idx").on(t.createdAt).where(sql`status <> 'pending'`),
  ],
);

// Session tokens signed out before they expire, refused until then; a row outlives its token by nothing.
export const revokedSessions = sqliteTable(
  "revoked_sessions",
  {
    sessionId: text("session_id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("revoked_sessions_expires_idx").on(t.expiresAt)],
);

// A merchant API checkout (issue 18): what the shop asked to be paid for, shown on the hosted page /pay/{id}. `id` is
// the public, unguessable session id; confirming it creates the one `authorized` order it may ever have (orderId).
export const checkoutSessions = sqliteTable(
  "checkout_sessions",
  {
    id: text("id").primaryKey(),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id),
    amountFen: integer("amount_fen").notNull(),
    merchantReference: text("merchant_reference").notNull(),
    // JSON array of { name, quantity, unitPriceFen }.
    items: text("items", { mode: "json" }).notNull(),
    successUrl: text("success_url").notNull(),
    cancelUrl: text("cancel_url").notNull(),
    status: text("status", { enum: CHECKOUT_SESSION_STATUSES }).notNull(),
    orderId: integer("order_id").references(() => orders.id),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }),
    cancelledAt: integer("cancelled_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("checkout_sessions_order_uq").on(t.orderId), index("checkout_sessions_store_idx").on(t.storeId, t.createdAt)],
);

// A question a consumer or merchant sent through "Contact support", and the admin's answer.
export const supportTickets = sqliteTable(
  "support_tickets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    topic: text("topic", { enum: SUPPORT_TOPICS }).notNull(),
    message: text("message").notNull(),
    status: text("status", { enum: SUPPORT_STATUSES }).notNull(),
    answer: text("answer"),
    answeredByUserId: integer("answered_by_user_id").references(() => users.id),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("support_tickets_status_idx").on(t.status, t.id), index("support_tickets_user_idx").on(t.userId, t.createdAt)],
);

// Autopay: a consumer's saved card, as the card vault's token and last four digits (never the number),
// and whether autopay charges it. One card per consumer; removing the card deletes the row.
export const autopayCards = sqliteTable("autopay_cards", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id),
  cardToken: text("card_token").notNull(),
  cardLast4: text("card_last4").notNull(),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(false),
  savedAt: integer("saved_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

// Every autopay charge attempt, claimed before the provider is asked: the unique (instalment, attempt) is what keeps
// two job runs from charging the same instalment twice. `paymentId` names the one payment a charged attempt made.
export const autopayCharges = sqliteTable(
  "autopay_charges",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    instalmentId: integer("instalment_id")
      .notNull()
      .references(() => instalments.id),
    consumerId: integer("consumer_id")
      .notNull()
      .references(() => users.id),
    billId: integer("bill_id")
      .notNull()
      .references(() => bills.id),
    attempt: integer("attempt").notNull(),
    // The platform day of the attempt: at most one per instalment and day.
    chargeDate: text("charge_date").notNull(),
    amountFen: integer("amount_fen").notNull(),
    cardLast4: text("card_last4").notNull(),
    status: text("status", { enum: AUTOPAY_CHARGE_STATUSES }).notNull(),
    paymentId: integer("payment_id").references(() => payments.id),
    // Wall-clock end of the claiming run's hold on a pending attempt: until then no other run finishes it for it.
    claimedUntil: integer("claimed_until", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
    settledAt: integer("settled_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("autopay_charges_attempt_uq").on(t.instalmentId, t.attempt),
    uniqueIndex("autopay_charges_day_uq").on(t.instalmentId, t.chargeDate),
    uniqueIndex("autopay_charges_payment_uq").on(t.paymentId),
    index("autopay_charges_consumer_idx").on(t.consumerId, t.id),
    index("autopay_charges_pending_idx").on(t.id).where(sql`status = 'pending'`),
  ],
);

// Due-date extensions: at most one per order (the unique order_id), moving one instalment's due date.
export const dueDateExtensions = sqliteTable(
  "due_date_extensions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    billId: integer("bill_id")
      .notNull()
      .references(() => bills.id),
    instalmentId: integer("instalment_id")
      .notNull()
      .references(() => instalments.id),
    consumerId: integer("consumer_id")
      .notNull()
      .references(() => users.id),
    fromDate: text("from_date").notNull(),
    toDate: text("to_date").notNull(),
    feeFen: integer("fee_fen").notNull(),
    policyVersion: integer("policy_version")
      .notNull()
      .references(() => policyVersions.version),
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("due_date_extensions_order_uq").on(t.orderId), index("due_date_extensions_consumer_idx").on(t.consumerId, t.id)],
);
