// Configuration: every variable the server reads, parsed and checked once (db/engine.ts reads DATABASE_URL itself,
// since db/ imports nothing from server/). A bad value stops the process at start-up with the variable's name.
import { z } from "zod";

const DEV_SECRET = "houfu-development-secret-not-for-production";
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

// An empty variable (`TZ_PLATFORM=`) means "not set", as it did before the schema.
const unset = (value: unknown) => (value === "" ? undefined : value);

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  NODE_ENV: z.preprocess(unset, z.enum(["development", "production", "test"]).default("development")),
  // Set by Next while it builds; the build needs no secret.
  NEXT_PHASE: z.preprocess(unset, z.string().optional()),
  AUTH_SECRET: z.preprocess(unset, z.string().optional()),
  NEXTAUTH_SECRET: z.preprocess(unset, z.string().optional()),
  // The public address of the app; an https one makes the session cookie Secure (so does a trusted proxy saying https).
  NEXTAUTH_URL: z.preprocess(unset, z.string().url().optional()),
  TZ_PLATFORM: z.preprocess(unset, z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Shanghai").default(DEFAULT_TIME_ZONE)),
  PORT: z.preprocess(unset, z.coerce.number().int().min(1).max(65_535).default(3000)),
  // off: no in-server schedule; `npm run jobs` runs them from cron instead.
  HOUFU_CREDIT_JOBS: z.preprocess(unset, z.enum(["on", "off"]).default("on")),
  // Run them every this many seconds instead of hourly (the multi-server load test uses 2).
  HOUFU_CREDIT_JOBS_EVERY_S: z.preprocess(unset, z.coerce.number().int().min(1).max(3600).optional()),
  LOG_LEVEL: z.preprocess(unset, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
  // 1 only on the end-to-end test server: enables POST /api/test/reset.
  HOUFU_E2E_RESET: z.preprocess(unset, z.enum(["0", "1"]).default("0")),
  // 1 lets webhooks reach loopback and private addresses in production (the end-to-end tests' local receiver);
  // outside production they always may.
  HOUFU_WEBHOOKS_ALLOW_PRIVATE: z.preprocess(unset, z.enum(["0", "1"]).default("0")),
  // off: no webhook deliveries inside the server (`npm run jobs` sends them); else every this many seconds.
  HOUFU_WEBHOOKS: z.preprocess(unset, z.enum(["on", "off"]).default("on")),
  HOUFU_WEBHOOKS_EVERY_S: z.preprocess(unset, z.coerce.number().int().min(1).max(3600).default(10)),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid environment: ${problems.join("; ")}`);
}

export const env: Env = parseEnv(process.env);

export const isProduction = env.NODE_ENV === "production";

/** Whether webhook endpoints may be loopback, private or link-local addresses (never in production unless allowed). */
export function webhooksMayReachPrivate(config: Env = env): boolean {
  return config.NODE_ENV !== "production" || config.HOUFU_WEBHOOKS_ALLOW_PRIVATE === "1";
}

/** The session signing secret; production refuses to start without one (checked when auth first needs it). */
export function authSecret(config: Env = env): string {
  const secret = config.AUTH_SECRET ?? config.NEXTAUTH_SECRET;
  if (secret) return secret;
  if (config.NODE_ENV === "production" && config.NEXT_PHASE !== "phase-production-build") throw new Error("AUTH_SECRET must be set in production.");
  return DEV_SECRET;
}

/**
 * The addresses of the reverse proxies in front of the app (TRUSTED_PROXIES, comma-separated). Only a request
 * arriving from one of them may tell the client's address, host or scheme in X-Forwarded-* headers; by default
 * none may, and the connection's own address is the client's.
 */
export function trustedProxies(): ReadonlySet<string> {
  const list = (process.env.TRUSTED_PROXIES ?? "")
    .split(",")
    .map((a) => normaliseAddress(a.trim()))
    .filter(Boolean);
  return new Set(list);
}

/** An IPv4 address as IPv4 also when a dual-stack socket reports it mapped into IPv6. */
export function normaliseAddress(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address.toLowerCase();
}
