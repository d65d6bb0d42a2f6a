import { describe, expect, it } from "vitest";
import { fillMessage } from "./text";

describe("client messages", () => {
  it("fill names and choose the plural branch by the number", () => {
    const late = "after {grace, plural, one {# day} other {# days}} of grace, a fee of {fee}";
    expect(fillMessage(late, { grace: 3, fee: "¥15.00" })).toBe("after 3 days of grace, a fee of ¥15.00");
    expect(fillMessage(late, { grace: 1, fee: "¥15.00" })).toBe("after 1 day of grace, a fee of ¥15.00");
    expect(fillMessage("宽限 {grace} 天", { grace: 3 })).toBe("宽限 3 天");
  });
});
