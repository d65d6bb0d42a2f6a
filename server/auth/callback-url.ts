// Where a browser may be sent after signing in: a path on this site, never another host. Browsers read `\` as
// `/` and drop tabs and newlines, so `/\evil.example` and `/<TAB>/evil.example` are protocol-relative to them;
// anything carrying such characters, raw or percent-encoded, is refused rather than repaired.
const BASE = "http://houfu.invalid";
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's purpose.
const UNSAFE = /[\\\u0000-\u001f\u007f]/;

/** The same-origin path (with query and fragment) `candidate` names, or null when it is not one. */
export function safeCallbackPath(candidate: string | null | undefined): string | null {
  if (!candidate || candidate.length > 2000 || !candidate.startsWith("/")) return null;
  let decoded = candidate;
  // Up to three layers of percent-encoding are looked through; more is not a path a page of ours makes.
  for (let layer = 0; layer < 4; layer++) {
    if (UNSAFE.test(decoded) || decoded.startsWith("//")) return null;
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return null;
    }
    if (next === decoded) break;
    if (layer === 3) return null;
    decoded = next;
  }
  let url: URL;
  try {
    url = new URL(candidate, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("/") && !path.startsWith("//") ? path : null;
}
