/**
 * The tRPC wiring: the request context (db, session, clock), the error shape clients
 * rely on, and the role-guarded procedure bases every router builds on.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { eq } from "drizzle-orm";
import { z, ZodError } from "zod";
import { getDb, type Db } from "@/db/client";
import { first } from "@/db/query";
import { stores, type Role } from "@/db/schema";
import { systemClock, type Clock } from "@/server/clock";
import { toTRPCError } from "@/server/api/domain-errors";
import { findUnstorableText } from "@/server/domain/storable-text";
import { DomainError, storeReadOnly } from "@/server/domain/errors";
import { isProduction } from "@/server/env";

export type SessionUser = { id: number; role: Role; email?: string; name?: string };

/** `clientAddress`: who is asking, for throttles (server/auth/client-address.ts); "unknown" off HTTP. */
export type Context = { db: Db; clock: Clock; user: SessionUser | null; clientAddress: string };

export function createContext(opts: { user: SessionUser | null; db?: Db; clock?: Clock; clientAddress?: string }): Context {
  return { db: opts.db ?? getDb(), clock: opts.clock ?? systemClock, user: opts.user, clientAddress: opts.clientAddress ?? "unknown" };
}

/** Each procedure base declares who may call it; the authorization matrix test reads this. */
/** "customer": a consumer or a merchant, the people Houfu serves (e.g. contact support). */
export type ProcedureMeta = { access: "public" | Role | "customer" };

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const hideInternals = isProduction && error.code === "INTERNAL_SERVER_ERROR";
      return {
        ...shape,
        message: hideInternals ? "Something went wrong on our side. Please try again." : shape.message,
        data: {
          ...shape.data,
          stack: isProduction ? undefined : shape.data.stack,
          // A stable code the UI can translate, e.g. INSUFFICIENT_CREDIT.
          domainCode: cause instanceof DomainError ? cause.code : null,
          fieldErrors: cause instanceof ZodError ? z.flattenError(cause).fieldErrors : null,
        },
      };
    },
  });

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/** Turns domain refusals into tRPC errors with the matching code, keeping the domain code. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  return result;
});

/** Text no engine could store (a NUL, an unpaired surrogate) is refused before any procedure reads its input. */
const storableInput = t.middleware(async ({ getRawInput, next }) => {
  if (findUnstorableText(await getRawInput()) !== null)
    throw new TRPCError({ code: "BAD_REQUEST", message: "The text contains characters that cannot be saved. Remove them and try again." });
  return next();
});

export const publicProcedure = t.procedure.meta({ access: "public" }).use(domainErrors).use(storableInput);

const signedIn = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

function requireRole(role: Role) {
  return signedIn.meta({ access: role }).use(({ ctx, next }) => {
    if (ctx.user.role !== role) throw new TRPCError({ code: "FORBIDDEN", message: "This is not available to your account." });
    return next();
  });
}

export const consumerProcedure = requireRole("consumer");

/** Consumers and merchants alike (not admins): for what both ask of Houfu, such as support. */
export const customerProcedure = signedIn.meta({ access: "customer" }).use(({ ctx, next }) => {
  if (ctx.user.role !== "consumer" && ctx.user.role !== "merchant")
    throw new TRPCError({ code: "FORBIDDEN", message: "This is not available to your account." });
  return next();
});
export const adminProcedure = requireRole("admin");

/** A merchant's store always comes from the session's user, never from input; a deactivated store's owner may only read. */
export const merchantProcedure = requireRole("merchant").use(async ({ ctx, type, next }) => {
  const store = await first(ctx.db.select({ id: stores.id, active: stores.active }).from(stores).where(eq(stores.ownerUserId, ctx.user.id)).limit(1));
  if (!store) throw new TRPCError({ code: "FORBIDDEN", message: "No store belongs to this account." });
  if (!store.active && type !== "query") throw storeReadOnly();
  return next({ ctx: { ...ctx, storeId: store.id } });
});
