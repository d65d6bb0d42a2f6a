import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { createLogger } from "./log";

describe("logs", () => {
  it("are JSON lines that never carry a password, card number or cookie", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    createLogger(sink).info(
      {
        requestId: "r-1",
        input: { password: "hunter2-secret", payment: { cardNumber: "4111111111111111" } },
        headers: { cookie: "next-auth.session-token=abc" },
      },
      "procedure",
    );
    const text = lines.join("");
    expect(text).not.toMatch(/hunter2|4111111111111111|session-token=abc/);
    expect(JSON.parse(text)).toMatchObject({ requestId: "r-1", msg: "procedure" });
  });
});
