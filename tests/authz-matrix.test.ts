// Generated from the router itself: every procedure, called by every kind of caller.
// A new procedure is covered without anyone remembering to add it here.
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { appRouter } from "@/server/api/root";
import type { ProcedureMeta } from "@/server/api/trpc";
import { callerAs, seededDb } from "./helpers";

type AnyProcedure = { _def: { meta?: ProcedureMeta; type: string } };
const procedures = Object.entries((appRouter._def as unknown as { procedures: Record<string, AnyProcedure> }).procedures);

const IDENTITIES = [
  { name: "anonymous", email: null, role: null },
  { name: "consumer", email: "alice@example.com", role: "consumer" },
  { name: "merchant", email: "shop@example.com", role: "merchant" },
  { name: "admin", email: "admin@example.com", role: "admin" },
] as const;

function call(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : "THREW";
  }
}

describe("authorization matrix", () => {
  it("has procedures, each built on a base that declares its access", () => {
    expect(procedures.length).toBeGreaterThan(5);
    const undeclared = procedures.filter(([, p]) => !p._def.meta?.access).map(([path]) => path);
    expect(undeclared).toEqual([]);
  });

  it("keeps the merchant and admin routers closed to everyone else", () => {
    const misplaced = procedures
      .filter(
        ([path, p]) =>
          (path.startsWith("admin.") && p._def.meta?.access !== "admin") || (path.startsWith("merchant.") && p._def.meta?.access !== "merchant"),
      )
      .map(([path]) => path);
    expect(misplaced).toEqual([]);
  });

  it.each(procedures.map(([path, p]) => [path, p._def.meta?.access ?? "undeclared"] as const))(
    "%s (%s) refuses every caller it is not for",
    async (path, access) => {
      const { db, clock } = await seededDb();
      for (const identity of IDENTITIES) {
        const result = await outcome(call(await callerAs(db, clock, identity.email), path, undefined));
        const allowed =
          access === "public" ||
          access === identity.role ||
          (access === "customer" && (identity.role === "consumer" || identity.role === "merchant"));
        if (allowed) expect([path, identity.name, result]).not.toContainEqual(expect.stringMatching(/^(UNAUTHORIZED|FORBIDDEN)$/));
        else expect([path, identity.name, result]).toEqual([path, identity.name, identity.email === null ? "UNAUTHORIZED" : "FORBIDDEN"]);
      }
    },
  );
});
