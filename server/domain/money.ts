// Money is integer fen. These helpers never touch floats on the way to storage.

export const MAX_AMOUNT_FEN = 100_000_000; // ¥1,000,000

/** Splits `totalFen` into `parts`; the remainder fen go to the first parts, so the sum is exact. */
export function splitFen(totalFen: number, parts: number): number[] {
  if (!Number.isInteger(totalFen) || totalFen < 0) throw new RangeError("totalFen must be a non-negative integer");
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError("parts must be a positive integer");
  const base = Math.floor(totalFen / parts);
  const remainder = totalFen - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < remainder ? 1 : 0));
}

/** Basis points in a whole (100%). */
export const BPS = 10_000;

/** Percentage in basis points of an amount, rounded down to whole fen. */
export function bpsOf(amountFen: number, bps: number): number {
  return Math.floor((amountFen * bps) / BPS);
}

/** Parses "12.34" / "12" / "12.3" (yuan) into fen without floating point; null when not a valid amount. */
export function parseYuanToFen(input: string): number | null {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(input.replace(/[¥,\s]/g, ""));
  if (!match) return null;
  const yuan = Number(match[1]);
  const fen = Number((match[2] ?? "").padEnd(2, "0"));
  return yuan * 100 + fen;
}

/** Fen as an exact decimal string of yuan ("1234.56"), built with integer arithmetic. */
export function fenToDecimal(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** The one money formatter: ¥1,234.56. Intl formats the exact decimal string, not a float. */
export function formatFen(fen: number, locale = "en"): string {
  let nf = formatters.get(locale);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { style: "currency", currency: "CNY", currencyDisplay: "narrowSymbol" });
    formatters.set(locale, nf);
  }
  return nf.format(fenToDecimal(fen) as unknown as number);
}
