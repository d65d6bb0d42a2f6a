// How a merchant sees a customer: enough to recognise them, not enough to expose them.

/** "Alice Wu" → "A*** W."; a single name keeps only its initial. */
export function maskName(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return "***";
  const first = `${[...parts[0]!][0]}***`;
  if (parts.length === 1) return first;
  return `${first} ${[...parts[parts.length - 1]!][0]}.`;
}

/** "alice@example.com" → "a***@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${[...email.slice(0, at)][0]}***${email.slice(at)}`;
}
