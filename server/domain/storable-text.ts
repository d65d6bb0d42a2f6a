// Text both engines can store: PostgreSQL's text refuses the NUL character and unpaired UTF-16 surrogates (which
// have no UTF-8 form), where SQLite would keep them. Inputs carrying either are refused before any rule runs.

/** The first string anywhere in `value` (objects and arrays walked) that an engine could not store, if any. */
export function findUnstorableText(value: unknown, depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") || !value.isWellFormed() ? value : null;
  if (depth > 20 || value === null || typeof value !== "object") return null;
  for (const inner of Array.isArray(value) ? value : Object.values(value)) {
    const found = findUnstorableText(inner, depth + 1);
    if (found !== null) return found;
  }
  return null;
}
