import { publicProcedure, router } from "@/server/api/trpc";

export const healthRouter = router({
  // The cheapest procedure there is: the floor the HTTP benchmark (bench/http.ts) measures checkout against.
  ping: publicProcedure.query(() => ({ ok: true as const })),
});
