import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("sign-up passwords", () => {
  it.each([
    "1234567890",
    "qwertyuiop",
    "Password123",
    "password!2026",
    "P@ssw0rd123",
    "iloveyou12",
    "aaaaaaaaaaaa",
    "abcdefghijkl",
    "9876543210",
    "houfu-demo-2026",
    "123456qwerty",
  ])("refuses the common %j", (password) => expect(passwordProblem(password, "mia@example.com")).toBe("COMMON"));
  it("refuses the email as the password, or its name part", () => {
    expect(passwordProblem("Mia.Chen@example.com", "mia.chen@example.com")).toBe("EQUALS_EMAIL");
    expect(passwordProblem("mia.chen.qian", "mia.chen.qian@example.com")).toBe("EQUALS_EMAIL");
  });
  it.each(["a-long-password-1", "correct horse battery", "lantern-oolong-tide", "long-enough-password"])("accepts %j", (password) => {
    expect(passwordProblem(password, "mia@example.com")).toBeNull();
  });
});
