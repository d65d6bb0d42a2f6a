// Merchant API keys (issue 18): created in the Developers section, shown once, stored hashed, capped, revocable,
// and scoped to the merchant's own store.
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { first } from "@/db/query";
import { apiKeys, auditLog } from "@/db/schema";
import { DEMO_API_KEY } from "@/scripts/seed/demo";
import { MAX_ACTIVE_API_KEYS } from "@/server/domain/api-keys";
import { authenticateApiKey } from "@/server/services/developers/authenticate-api-key";
import { hashApiKeySecret } from "@/server/services/developers/api-key-secret";
import { callerAs, seededDb } from "./helpers";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause as { code?: string } | undefined;
    return cause?.code ?? error.code;
  }
}

describe("merchant API keys", () => {
  it("shows a new key's secret once, stores only its hash, and lists it without the secret", async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    const created = await shop.merchant.developers.createApiKey({ name: "  Storefront  " });
    expect(created.secret).toMatch(/^hk_test_[A-Za-z0-9_-]{43}$/);
    expect(created.name).toBe("Storefront");

    const stored = await first(db.select().from(apiKeys).where(eq(apiKeys.id, created.id)));
    expect(stored?.secretHash).toBe(hashApiKeySecret(created.secret));
    expect(JSON.stringify(stored)).not.toContain(created.secret);

    const listed = await shop.merchant.developers.apiKeys();
    expect(listed.map((k) => k.name)).toEqual(["Storefront", "Demo test key"]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(listed[0]).toMatchObject({ prefix: `${created.secret.slice(0, 12)}…`, lastUsedAt: null, revokedAt: null });

    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityType, "api_key"));
    expect(audit.map((a) => a.action)).toEqual(["api_key.created"]);
  });

  it(`refuses a key beyond ${MAX_ACTIVE_API_KEYS} active ones, and allows one again after a revoke`, async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    // The seed's demo key is the first.
    for (let n = 2; n <= MAX_ACTIVE_API_KEYS; n++) await shop.merchant.developers.createApiKey({ name: `Key ${n}` });
    expect(await codeOf(shop.merchant.developers.createApiKey({ name: "One too many" }))).toBe("API_KEY_LIMIT");
    const [newest] = await shop.merchant.developers.apiKeys();
    await shop.merchant.developers.revokeApiKey({ keyId: newest!.id });
    expect(await codeOf(shop.merchant.developers.createApiKey({ name: "Replacement" }))).toBe("OK");
  });

  it("refuses a blank or over-long name", async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    expect(await codeOf(shop.merchant.developers.createApiKey({ name: "   " }))).toBe("BAD_REQUEST");
    expect(await codeOf(shop.merchant.developers.createApiKey({ name: "x".repeat(61) }))).toBe("BAD_REQUEST");
  });

  it("authenticates the demo key to Lumen, records its use, and stops at once when it is revoked", async () => {
    const { db, clock } = await seededDb();
    const shop = await callerAs(db, clock, "shop@example.com");
    const [demo] = await shop.merchant.developers.apiKeys();
    const found = await authenticateApiKey(db, clock, DEMO_API_KEY);
    expect(found).toMatchObject({ keyId: demo!.id });
    expect((await shop.merchant.developers.apiKeys())[0]!.lastUsedAt).toEqual(clock.now());

    expect(await authenticateApiKey(db, clock, `${DEMO_API_KEY}x`)).toBeNull();
    expect(await authenticateApiKey(db, clock, "Bearer nonsense")).toBeNull();

    await shop.merchant.developers.revokeApiKey({ keyId: demo!.id });
    expect(await authenticateApiKey(db, clock, DEMO_API_KEY)).toBeNull();
    // Revoking again changes nothing.
    const again = await shop.merchant.developers.revokeApiKey({ keyId: demo!.id });
    expect(again.revokedAt).toEqual(clock.now());
  });

  it("lets no other merchant list or revoke Lumen's keys", async () => {
    const { db, clock } = await seededDb();
    const tea = await callerAs(db, clock, "tea@example.com");
    expect(await tea.merchant.developers.apiKeys()).toEqual([]);
    const shop = await callerAs(db, clock, "shop@example.com");
    const [demo] = await shop.merchant.developers.apiKeys();
    expect(await codeOf(tea.merchant.developers.revokeApiKey({ keyId: demo!.id }))).toBe("NOT_FOUND");
    expect((await shop.merchant.developers.apiKeys())[0]!.revokedAt).toBeNull();
    expect(await authenticateApiKey(db, clock, DEMO_API_KEY)).not.toBeNull();
  });
});
