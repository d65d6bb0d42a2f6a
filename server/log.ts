// Structured logs (JSON lines). Secrets never reach a log: known sensitive keys are redacted wherever they appear.
import pino, { type DestinationStream } from "pino";
import { env } from "@/server/env";

export function createLogger(destination?: DestinationStream) {
  return pino(
    {
      level: env.LOG_LEVEL,
      base: { app: "houfu" },
      redact: {
        paths: [
          "password",
          "*.password",
          "*.*.password",
          "passwordHash",
          "*.passwordHash",
          "token",
          "*.token",
          "cardNumber",
          "*.cardNumber",
          "*.*.cardNumber",
          "headers.cookie",
          "headers.authorization",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

export const logger = createLogger();
