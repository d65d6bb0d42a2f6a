import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { billsRouter } from "./routers/bills";
import { catalogRouter } from "./routers/catalog";
import { creditRouter } from "./routers/credit";
import { merchantRouter } from "./routers/merchant";
import { notificationsRouter } from "./routers/notifications";
import { payRouter } from "./routers/pay";
import { shopRouter } from "./routers/shop";
import { healthRouter } from "./routers/health";
import { supportRouter } from "./routers/support";
import { autopayRouter } from "./routers/autopay";
import { statementsRouter } from "./routers/statements";
import { privacyRouter } from "./routers/privacy";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  account: accountRouter,
  catalog: catalogRouter,
  credit: creditRouter,
  merchant: merchantRouter,
  admin: adminRouter,
  bills: billsRouter,
  notifications: notificationsRouter,
  shop: shopRouter,
  pay: payRouter,
  health: healthRouter,
  support: supportRouter,
  autopay: autopayRouter,
  statements: statementsRouter,
  privacy: privacyRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
