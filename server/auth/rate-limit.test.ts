import { describe, expect, it } from "vitest";
import { fixedClock } from "@/server/clock";
import { FailureLimiter } from "./rate-limit";

describe("the sign-in failure limiter", () => {
  it("blocks after the limit within 15 minutes, and forgets after", () => {
    const clock = fixedClock("2026-11-25T02:00:00Z");
    const limiter = new FailureLimiter(clock);
    for (let i = 0; i < 5; i++) {
      expect(limiter.isBlocked("email:a", 5)).toBe(false);
      limiter.recordFailure("email:a");
    }
    expect(limiter.isBlocked("email:a", 5)).toBe(true);
    expect(limiter.isBlocked("email:b", 5)).toBe(false);
    clock.set(new Date("2026-11-25T02:15:01Z"));
    expect(limiter.isBlocked("email:a", 5)).toBe(false);
  });
});
