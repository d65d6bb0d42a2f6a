import { describe, expect, it } from "vitest";
import { admitRequest } from "./api-rate-limit";

const limit = { requests: 2, windowMs: 60_000 };
const at = (s: number) => new Date(Date.UTC(2026, 10, 25, 2, 0, s));

describe("admitRequest", () => {
  it("admits up to the limit in a window, then says how many seconds until the next", () => {
    const first = admitRequest(undefined, at(0), limit);
    expect(first).toEqual({ admitted: true, next: { windowStart: at(0), requests: 1 } });
    const second = admitRequest(first.admitted ? first.next : undefined, at(10), limit);
    expect(second).toEqual({ admitted: true, next: { windowStart: at(0), requests: 2 } });
    expect(admitRequest({ windowStart: at(0), requests: 2 }, at(30.2), limit)).toEqual({ admitted: false, retryAfterSeconds: 30 });
    expect(admitRequest({ windowStart: at(0), requests: 2 }, at(59.9), limit)).toEqual({ admitted: false, retryAfterSeconds: 1 });
  });

  it("starts a new window once the old one has passed", () => {
    expect(admitRequest({ windowStart: at(0), requests: 2 }, at(60), limit)).toEqual({ admitted: true, next: { windowStart: at(60), requests: 1 } });
  });
});
