import { Fragment } from "react";

// A date as lib/format writes it, with its time when it has one: "2026年11月20日 10:05", "Nov 20, 2026, 10:05 AM".
const FORMATTED_DATE = /\d{4}年\d{1,2}月\d{1,2}日(?:\s\d{1,2}:\d{2})?|[A-Z][a-z]{2} \d{1,2}, \d{4}(?:,\s\d{1,2}:\d{2}\s[AP]M)?/g;

/**
 * Text whose formatted dates never break across lines. Chinese may break between any two characters, so without this
 * "2026年11月20日" can end a line at "11月" on a phone.
 */
export function KeepDates({ children }: { children: string }) {
  const parts: (string | { date: string })[] = [];
  let last = 0;
  for (const match of children.matchAll(FORMATTED_DATE)) {
    if (match.index > last) parts.push(children.slice(last, match.index));
    parts.push({ date: match[0] });
    last = match.index + match[0].length;
  }
  if (last < children.length) parts.push(children.slice(last));
  return (
    <>
      {parts.map((part, i) =>
        typeof part === "string" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order, never reordered
          <Fragment key={i}>{part}</Fragment>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={i} className="whitespace-nowrap" data-date="">
            {part.date}
          </span>
        ),
      )}
    </>
  );
}
