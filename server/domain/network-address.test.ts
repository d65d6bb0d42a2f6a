import { describe, expect, it } from "vitest";
import { allPublic, classifyAddress, classifyHost, parseIpv4, parseIpv6 } from "./network-address";

describe("classifyAddress: IPv4", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["93.184.216.34", "public"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", "public"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["169.254.169.254", "link_local"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["192.0.2.10", "reserved"],
    ["198.18.0.1", "reserved"],
  ])("%s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it("reads the decimal, octal and hex forms inet_aton accepts", () => {
    expect(parseIpv4("2130706433")).toBe(0x7f000001);
    expect(classifyAddress("2130706433")).toBe("loopback");
    expect(classifyAddress("0177.0.0.1")).toBe("loopback");
    expect(classifyAddress("0x7f.0.0.1")).toBe("loopback");
    expect(classifyAddress("0x7f000001")).toBe("loopback");
    expect(classifyAddress("127.1")).toBe("loopback");
    expect(classifyAddress("10.0x10203")).toBe("private");
    expect(classifyAddress("017700000001")).toBe("loopback");
  });

  it("is not an address when a part is out of range or not a number", () => {
    expect(parseIpv4("256.0.0.1")).toBeNull();
    expect(parseIpv4("1.2.3.4.5")).toBeNull();
    expect(parseIpv4("08.0.0.1")).toBeNull();
    expect(parseIpv4("4294967296")).toBeNull();
    expect(classifyAddress("example.com")).toBe("not_an_address");
    expect(classifyAddress("1.2.3.example")).toBe("not_an_address");
  });
});

describe("classifyAddress: IPv6", () => {
  it.each([
    ["2606:4700:4700::1111", "public"],
    ["[2606:4700:4700::1111]", "public"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["::", "unspecified"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["fe80::1", "link_local"],
    ["fe80::1%eth0", "link_local"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "reserved"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:8.8.8.8", "public"],
    ["64:ff9b::169.254.169.254", "link_local"],
    ["2002:c0a8:0101::1", "private"],
    ["::127.0.0.1", "reserved"],
  ])("%s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it("parses the compressed, full and dotted-tail forms to the same groups", () => {
    expect(parseIpv6("::ffff:1.2.3.4")).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    expect(parseIpv6("1:2:3:4:5:6:7:8")).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIpv6("1::8")).toEqual([1, 0, 0, 0, 0, 0, 0, 8]);
    expect(parseIpv6("1:::8")).toBeNull();
    expect(parseIpv6("1:2:3:4:5:6:7:8:9")).toBeNull();
    expect(parseIpv6("12345::")).toBeNull();
    expect(parseIpv6("::ffff:1.2.3.256")).toBeNull();
  });
});

describe("classifyHost and allPublic", () => {
  it("treats localhost names as loopback and leaves other names to a lookup", () => {
    expect(classifyHost("localhost")).toBe("loopback");
    expect(classifyHost("LOCALHOST.")).toBe("loopback");
    expect(classifyHost("api.localhost")).toBe("loopback");
    expect(classifyHost("shop.example.com")).toBe("not_an_address");
  });

  it("is public only when every resolved address is", () => {
    expect(allPublic(["8.8.8.8", "2606:4700:4700::1111"])).toBe(true);
    expect(allPublic(["8.8.8.8", "10.0.0.1"])).toBe(false);
    expect(allPublic([])).toBe(false);
  });
});
