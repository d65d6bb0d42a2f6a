// An endpoint's signing secret must be read back to sign each delivery, so it cannot be hashed like an API key. It is
// kept encrypted with AES-256-GCM under a key derived (HKDF-SHA256) from AUTH_SECRET: a copy of the database alone
// does not reveal it. Changing AUTH_SECRET makes the stored secrets unreadable: delete and re-add the endpoints then.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/server/env";
import { WEBHOOK_SECRET_PREFIX } from "@/server/domain/webhooks";

const VERSION = "v1";

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "houfu", "webhook endpoint secrets", 32));
}

export function newWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(24).toString("base64url")}`;
}

export function encryptWebhookSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}:${iv.toString("base64url")}:${sealed.toString("base64url")}`;
}

export function decryptWebhookSecret(stored: string): string {
  const [version, iv, sealed] = stored.split(":");
  if (version !== VERSION || !iv || !sealed) throw new Error("Unreadable webhook secret");
  const bytes = Buffer.from(sealed, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
}
