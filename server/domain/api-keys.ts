// The rules of merchant API keys (issue 18): how many may be active, what a name may be, how a key is shown.
import { z } from "zod";

/** A store may hold this many unrevoked keys at once: enough to rotate one without downtime. */
export const MAX_ACTIVE_API_KEYS = 3;

/** Every secret key starts with this, so a leaked one is recognisable (and greppable) as a Houfu key. */
export const API_KEY_PREFIX = "hk_test_";

export const apiKeyNameSchema = z.string().trim().min(1, "Give the key a name.").max(60, "Keep the name to 60 characters.");

/** The part of a secret the Developers page may show again: its kind and first characters. */
export function displayPrefix(secret: string): string {
  return `${secret.slice(0, API_KEY_PREFIX.length + 4)}…`;
}

/** Whether a bearer token has the shape of a Houfu secret key (checked before any database read). */
export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX) && token.length >= API_KEY_PREFIX.length + 20 && token.length <= 200;
}
