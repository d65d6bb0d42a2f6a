// Which network addresses a webhook may be sent to (SSRF): only public unicast ones. Pure parsing and range checks
// over IPv4 (including the decimal, octal and hex forms inet_aton accepts, e.g. 2130706433 or 0177.0.0.1) and IPv6
// (including IPv4-mapped, NAT64 and 6to4 forms, classified by the IPv4 address inside them).

export type AddressKind =
  | "public"
  | "loopback"
  | "private"
  | "link_local"
  | "unspecified"
  | "multicast"
  | "reserved"
  /** Not an IP address (a host name to resolve first). */
  | "not_an_address";

type Range = readonly [base: number, bits: number, kind: Exclude<AddressKind, "public" | "not_an_address">];

const v4 = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

// IANA's special-purpose IPv4 registry, as far as it matters for "may we connect there".
const IPV4_RANGES: readonly Range[] = [
  [v4(0, 0, 0, 0), 8, "unspecified"],
  [v4(10, 0, 0, 0), 8, "private"],
  [v4(100, 64, 0, 0), 10, "private"], // carrier-grade NAT
  [v4(127, 0, 0, 0), 8, "loopback"],
  [v4(169, 254, 0, 0), 16, "link_local"], // includes cloud metadata at 169.254.169.254
  [v4(172, 16, 0, 0), 12, "private"],
  [v4(192, 0, 0, 0), 24, "reserved"],
  [v4(192, 0, 2, 0), 24, "reserved"],
  [v4(192, 88, 99, 0), 24, "reserved"],
  [v4(192, 168, 0, 0), 16, "private"],
  [v4(198, 18, 0, 0), 15, "reserved"],
  [v4(198, 51, 100, 0), 24, "reserved"],
  [v4(203, 0, 113, 0), 24, "reserved"],
  [v4(224, 0, 0, 0), 4, "multicast"],
  [v4(240, 0, 0, 0), 4, "reserved"], // includes the broadcast address
];

/**
 * An IPv4 address as a 32-bit number, in any form inet_aton accepts: 1 to 4 parts, each decimal, octal (leading 0)
 * or hex (0x), the last part filling the remaining bytes. Null when it is not one.
 */
export function parseIpv4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length < 1 || parts.length > 4) return null;
  const values: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) value = Number.parseInt(part.slice(1), 8);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) value = Number(part);
    else return null;
    if (!Number.isSafeInteger(value)) return null;
    values.push(value);
  }
  const last = values.pop()!;
  if (values.some((v) => v > 255)) return null;
  const lastBytes = 4 - values.length;
  if (last >= 2 ** (8 * lastBytes)) return null;
  let result = 0;
  for (const v of values) result = result * 256 + v;
  return result * 2 ** (8 * lastBytes) + last;
}

function classifyIpv4(address: number): AddressKind {
  for (const [base, bits, kind] of IPV4_RANGES) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((address & mask) >>> 0 === base) return kind;
  }
  return "public";
}

/** An IPv6 address as 8 16-bit groups (with an embedded dotted IPv4 tail allowed), or null. */
export function parseIpv6(text: string): number[] | null {
  let input = text;
  const zone = input.indexOf("%");
  if (zone !== -1) input = input.slice(0, zone);
  if (!/^[0-9a-f:.]+$/i.test(input)) return null;
  let tail: number[] = [];
  const lastColon = input.lastIndexOf(":");
  if (input.includes(".")) {
    const dotted = input.slice(lastColon + 1);
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(dotted)) return null;
    const octets = dotted.split(".").map(Number);
    if (octets.some((o) => o > 255)) return null;
    tail = [(octets[0]! << 8) | octets[1]!, (octets[2]! << 8) | octets[3]!];
    // The groups before the dotted part: "::ffff:1.2.3.4" → "::ffff", "::1.2.3.4" → "::".
    const before = input.slice(0, lastColon);
    input = before.endsWith(":") ? input.slice(0, lastColon + 1) : before;
  }
  const halves = input.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (s: string) => (s === "" ? [] : s.split(":"));
  const head = groupsOf(halves[0]!);
  const rest = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  const explicit = head.length + rest.length + tail.length;
  if (halves.length === 1 && explicit !== 8) return null;
  if (halves.length === 2 && explicit > 7) return null;
  const zeros = Array.from({ length: 8 - explicit }, () => 0);
  const groups = [
    ...head.map((g) => Number.parseInt(g, 16)),
    ...(halves.length === 2 ? zeros : []),
    ...rest.map((g) => Number.parseInt(g, 16)),
    ...tail,
  ];
  return groups.length === 8 ? groups : null;
}

function classifyIpv6(g: number[]): AddressKind {
  const embedded = (hi: number, lo: number) => classifyIpv4(((hi << 16) | lo) >>> 0);
  const leadingZero = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (leadingZero(8)) return "unspecified";
  if (leadingZero(7) && g[7] === 1) return "loopback";
  if (leadingZero(5) && g[5] === 0xffff) return embedded(g[6]!, g[7]!); // ::ffff:a.b.c.d, IPv4-mapped
  if (leadingZero(6)) return "reserved"; // ::a.b.c.d, IPv4-compatible (deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return embedded(g[6]!, g[7]!); // NAT64
  if (g[0] === 0x2002) return embedded(g[1]!, g[2]!); // 6to4
  if ((g[0]! & 0xfe00) === 0xfc00) return "private"; // unique local fc00::/7
  if ((g[0]! & 0xffc0) === 0xfe80) return "link_local"; // fe80::/10
  if ((g[0]! & 0xffc0) === 0xfec0) return "private"; // site-local (deprecated)
  if ((g[0]! & 0xff00) === 0xff00) return "multicast";
  if (g[0] === 0x2001 && g[1] === 0x0db8) return "reserved"; // documentation
  if (g[0] === 0x2001 && g[1]! < 0x0200) return "reserved"; // IETF protocol assignments, Teredo
  if (g[0] === 0x0100 && leadingZero(4)) return "reserved"; // discard-only
  if ((g[0]! & 0xe000) !== 0x2000) return "reserved"; // outside global unicast 2000::/3
  return "public";
}

/** What an IP address literal is (an IPv6 one with or without brackets), or "not_an_address" for a host name. */
export function classifyAddress(text: string): AddressKind {
  const literal = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  if (literal.includes(":")) {
    const groups = parseIpv6(literal);
    return groups ? classifyIpv6(groups) : "not_an_address";
  }
  const ipv4 = parseIpv4(literal);
  return ipv4 === null ? "not_an_address" : classifyIpv4(ipv4);
}

/**
 * What a URL's host is before any lookup: an address's kind, "loopback" for localhost names, else
 * "not_an_address" (resolve it, then classify every address it resolves to).
 */
export function classifyHost(host: string): AddressKind {
  const name = host.toLowerCase().replace(/\.$/, "");
  if (name === "localhost" || name.endsWith(".localhost")) return "loopback";
  return classifyAddress(name);
}

/** Whether every one of the addresses is public (and there is at least one). */
export function allPublic(addresses: readonly string[]): boolean {
  return addresses.length > 0 && addresses.every((a) => classifyAddress(a) === "public");
}
