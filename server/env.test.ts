import { describe, expect, it } from "vitest";
import { authSecret, parseEnv, webhooksMayReachPrivate } from "./env";

describe("environment", () => {
  it("fills the documented defaults and treats an empty variable as unset", () => {
    const env = parseEnv({ TZ_PLATFORM: "" });
    expect(env).toMatchObject({
      NODE_ENV: "development",
      TZ_PLATFORM: "Asia/Shanghai",
      PORT: 3000,
      HOUFU_CREDIT_JOBS: "on",
      LOG_LEVEL: "info",
      HOUFU_E2E_RESET: "0",
    });
  });

  it("names each bad variable", () => {
    expect(() => parseEnv({ TZ_PLATFORM: "Mars/Olympus", PORT: "http", LOG_LEVEL: "loud" })).toThrow(
      /TZ_PLATFORM: must be an IANA time zone.*PORT.*LOG_LEVEL/,
    );
  });

  it("requires AUTH_SECRET in production, except while Next builds", () => {
    expect(() => authSecret(parseEnv({ NODE_ENV: "production" }))).toThrow("AUTH_SECRET must be set in production.");
    expect(authSecret(parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }))).toMatch(/development/);
    expect(authSecret(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s3cret" }))).toBe("s3cret");
    expect(authSecret(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "a", NEXTAUTH_SECRET: "b" }))).toBe("a");
  });

  it("lets webhooks reach private addresses outside production, and in production only with HOUFU_WEBHOOKS_ALLOW_PRIVATE=1", () => {
    expect(webhooksMayReachPrivate(parseEnv({ NODE_ENV: "development" }))).toBe(true);
    expect(webhooksMayReachPrivate(parseEnv({ NODE_ENV: "test" }))).toBe(true);
    expect(webhooksMayReachPrivate(parseEnv({ NODE_ENV: "production" }))).toBe(false);
    expect(webhooksMayReachPrivate(parseEnv({ NODE_ENV: "production", HOUFU_WEBHOOKS_ALLOW_PRIVATE: "1" }))).toBe(true);
  });
});
