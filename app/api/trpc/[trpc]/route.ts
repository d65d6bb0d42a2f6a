import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { boundedRequest, MAX_BATCH_SIZE } from "@/server/api/request-limits";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { randomUUID } from "node:crypto";
import { clientAddressOf } from "@/server/auth/client-address";
import { CROSS_ORIGIN_MESSAGE, isForeignOrigin } from "@/server/auth/same-origin";
import { getSessionUser } from "@/server/auth/session";
import { logger } from "@/server/log";

const handler = async (req: Request) => {
  const requestId = req.headers.get("x-request-id") ?? randomUUID();
  const log = logger.child({ requestId, method: req.method, path: new URL(req.url).pathname });
  if (req.method === "POST" && isForeignOrigin(req.headers)) {
    log.warn({ origin: req.headers.get("origin") }, "refused a cross-origin mutation");
    return Response.json({ error: { message: CROSS_ORIGIN_MESSAGE, code: "FORBIDDEN" } }, { status: 403 });
  }
  const bounded = await boundedRequest(req);
  if (bounded instanceof Response) {
    log.warn({ status: bounded.status }, "refused an oversized or multipart request");
    return bounded;
  }
  const started = performance.now();
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: bounded,
    maxBatchSize: MAX_BATCH_SIZE,
    router: appRouter,
    createContext: async () => createContext({ user: await getSessionUser(), clientAddress: clientAddressOf(req.headers) }),
    onError({ error, path }) {
      // Inputs are never logged: they can hold passwords and card numbers.
      if (error.code === "INTERNAL_SERVER_ERROR")
        log.error({ procedure: path, err: { message: error.message, stack: error.stack } }, "procedure failed");
      else log.info({ procedure: path, code: error.code }, "procedure refused");
    },
  });
  log.info({ status: response.status, ms: Math.round(performance.now() - started) }, "trpc");
  response.headers.set("x-request-id", requestId);
  return response;
};

export { handler as GET, handler as POST };
