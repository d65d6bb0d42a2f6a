// Secret keys are 32 random bytes; only their sha256 is stored. A high-entropy secret needs no slow KDF: its hash
// cannot be reversed by guessing, and sha256 lets a request find its key by one indexed lookup.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { API_KEY_PREFIX } from "@/server/domain/api-keys";

export function newApiKeySecret(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Compares a presented secret's hash with a stored one in constant time. */
export function sameSecretHash(presentedHash: string, storedHash: string): boolean {
  const a = Buffer.from(presentedHash, "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
