// What one merchant API operation is: its route, its schemas (which validate requests and generate the OpenAPI
// document) and its handler, a few lines calling the same services the tRPC procedures call.
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Clock } from "@/server/clock";
import type { ApiCaller } from "@/server/services/developers/authenticate-api-key";

export type ApiContext<P, Q, B> = {
  db: Db;
  clock: Clock;
  caller: ApiCaller;
  params: P;
  query: Q;
  body: B;
  idempotencyKey: string | null;
  /** The origin the API was called at (for URLs it answers with, such as a checkout session's hosted page). */
  origin: string;
};
export type ApiResult = { status: number; body: unknown };

export type Endpoint<P = unknown, Q = unknown, B = unknown> = {
  method: "GET" | "POST";
  /** How the caller authenticates: a secret key (the default), or a store's publishable key (safe in a web page). */
  auth?: "secret" | "publishable";
  /** The OpenAPI path under /api/v1, e.g. "/orders/{id}". */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  handle: (ctx: ApiContext<P, Q, B>) => Promise<ApiResult>;
};

export const defineEndpoint = <P, Q, B>(endpoint: Endpoint<P, Q, B>) => endpoint;

/** What the OpenAPI document reads of an endpoint (any endpoint, whatever its types). */
export type EndpointDoc = Omit<Endpoint<unknown, unknown, unknown>, "handle">;
