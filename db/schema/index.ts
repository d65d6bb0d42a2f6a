// The schema the code above `db/` uses: this process's engine's tables (./sqlite.ts or ./pg.ts, chosen by
// DATABASE_URL), typed as the PostgreSQL ones so that only the async query API both engines share compiles.
import { engineKind } from "../engine";
import * as pg from "./pg";
import * as sqlite from "./sqlite";

export * from "./enums";

const active = (engineKind() === "pg" ? pg : sqlite) as unknown as typeof pg;

export const {
  users,
  creditProfiles,
  creditEvents,
  agreements,
  agreementAcceptances,
  stores,
  products,
  cartItems,
  orders,
  orderLines,
  orderEvents,
  bills,
  instalments,
  receivableDays,
  payments,
  paymentAllocations,
  refunds,
  policyVersions,
  auditLog,
  notifications,
  outbox,
  receivablesSnapshots,
  jobLeases,
  authThrottle,
  apiKeys,
  apiIdempotency,
  apiRateLimits,
  revokedSessions,
  webhookEndpoints,
  webhookEvents,
  webhookDeliveries,
  checkoutSessions,
  supportTickets,
  autopayCards,
  autopayCharges,
  dueDateExtensions,
} = active;
