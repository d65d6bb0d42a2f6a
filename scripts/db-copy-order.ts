// The order in which db:copy fills a database: parents before children, so every foreign key finds its row.
// tests/schema-parity.test.ts fails when a table of the schema is in neither list.
export const COPY_ORDER = [
  "users",
  "revokedSessions",
  "agreements",
  "policyVersions",
  "creditProfiles",
  "stores",
  "apiKeys",
  "apiIdempotency",
  "apiRateLimits",
  "products",
  "cartItems",
  "orders",
  "orderLines",
  "orderEvents",
  "checkoutSessions",
  "bills",
  "instalments",
  "creditEvents",
  "agreementAcceptances",
  "payments",
  "paymentAllocations",
  "refunds",
  "auditLog",
  "notifications",
  "outbox",
  "receivablesSnapshots",
  "jobLeases",
  "authThrottle",
  "webhookEndpoints",
  "webhookEvents",
  "webhookDeliveries",
  "supportTickets",
  // issue 19, parts 1 and 2
  "autopayCards",
  "autopayCharges",
  "dueDateExtensions",
] as const;

/** Tables the target rebuilds itself (receivable_days: the triggers maintain it from the instalments). */
export const DERIVED_TABLES: readonly string[] = ["receivableDays"];
