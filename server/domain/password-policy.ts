// Which passwords sign-up refuses, and why. At least 10 characters (the schema), not the email, and not one of
// the passwords attackers try first: the well-known list below (from the most-leaked passwords of 10 or more
// characters), a common word with digits or symbols around it, one repeated character, or a run along the
// keyboard or the alphabet. Pure and offline: nothing is looked up at run time.
const COMMON = new Set([
  "1234567890",
  "0123456789",
  "0987654321",
  "1234567891",
  "12345678910",
  "123456789a",
  "a123456789",
  "123456789q",
  "1111111111",
  "0000000000",
  "1122334455",
  "1212121212",
  "1234512345",
  "5555555555",
  "9876543210",
  "1357924680",
  "qwertyuiop",
  "qwertyuiop123",
  "qwerty1234",
  "qwerty12345",
  "qwerty123456",
  "1q2w3e4r5t",
  "1q2w3e4r5t6y",
  "q1w2e3r4t5",
  "1qaz2wsx3edc",
  "zaq12wsxcde3",
  "zaq1zaq1zaq1",
  "asdfghjkl1",
  "asdfghjkl123",
  "zxcvbnm123",
  "password12",
  "password123",
  "password1234",
  "password12345",
  "passw0rd123",
  "p@ssw0rd123",
  "p@ssword123",
  "iloveyou12",
  "iloveyou123",
  "iloveyou1234",
  "letmein123",
  "welcome123",
  "welcome1234",
  "admin12345",
  "administrator",
  "abcdefghij",
  "abcd123456",
  "abc1234567",
  "abcdefg123",
  "monkey1234",
  "dragon1234",
  "football123",
  "baseball123",
  "sunshine123",
  "princess123",
  "superman123",
  "starwars123",
  "trustno1234",
  "whatever123",
  "computer123",
  "internet123",
  "changeme123",
  "secret1234",
  "mustang123",
  "michael123",
  "jennifer123",
  "charlie123",
  "liverpool1",
  "chelsea123",
  "manchester",
  "basketball",
  "1qazxsw23edc",
  "woaini1314",
  "woaini520",
  "5201314520",
  "1314520520",
  "a1b2c3d4e5",
  "aa123456789",
  "qq123456789",
  "88888888888",
  "66666666666",
  "147258369a",
  "1472583690",
  "3141592653",
  "houfu12345",
  "houfu-demo-2026",
]);

const COMMON_WORDS = [
  "password",
  "passw0rd",
  "p@ssw0rd",
  "p@ssword",
  "qwerty",
  "iloveyou",
  "letmein",
  "welcome",
  "admin",
  "houfu",
  "woaini",
  "abc123",
  "123456",
];

const SEQUENCES = ["0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

export type PasswordProblem = "EQUALS_EMAIL" | "COMMON";

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  EQUALS_EMAIL: "Your password must not be your email address. Choose something only you would know.",
  COMMON: "This password is one of the first that attackers try. Choose a less common one, such as a few unrelated words.",
};

function isRunOfOneSequence(text: string): boolean {
  return SEQUENCES.some((seq) => seq.includes(text) || [...seq].reverse().join("").includes(text));
}

/** Why `password` is refused for an account with `email`, or null when it is acceptable. */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
  const lower = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  const local = address.split("@")[0] ?? "";
  if (lower === address || (local.length >= 4 && lower === local)) return "EQUALS_EMAIL";
  if (COMMON.has(lower)) return "COMMON";
  if (new Set(lower).size === 1 || isRunOfOneSequence(lower)) return "COMMON";
  // A common word with only digits and symbols around it: "Password!2026", "123456qwerty".
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  if (COMMON_WORDS.includes(core) || COMMON_WORDS.some((word) => lower.replace(/[^a-z0-9@]/g, "").replace(/\d+$/, "") === word)) return "COMMON";
  return null;
}
