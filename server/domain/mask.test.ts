import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { maskEmail, maskName } from "./mask";

describe("maskName", () => {
  it("keeps the first initial and the last name's initial", () => {
    expect(maskName("Alice Wu")).toBe("A*** W.");
    expect(maskName("  Mary Ann  Lee ")).toBe("M*** L.");
    expect(maskName("Cher")).toBe("C***");
    expect(maskName("")).toBe("***");
    expect(maskName("王 小明")).toBe("王*** 小.");
  });
  it("never contains more than two letters of the name", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 3, maxLength: 30 }).filter((s) => /^[a-z]+$/.test(s)),
        (word) => {
          expect(maskName(`${word} ${word}`)).not.toContain(word);
        },
      ),
    );
  });
});

describe("maskEmail", () => {
  it("keeps the first character and the domain", () => {
    expect(maskEmail("alice@example.com")).toBe("a***@example.com");
    expect(maskEmail("a@b.cn")).toBe("a***@b.cn");
    expect(maskEmail("not-an-email")).toBe("***");
    expect(maskEmail("@example.com")).toBe("***");
  });
});
