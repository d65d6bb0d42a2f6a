// /api/trpc's size limits, applied before tRPC reads the request.
import { describe, expect, it } from "vitest";
import { boundedRequest, MAX_BODY_BYTES } from "@/server/api/request-limits";

const post = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://localhost/api/trpc/account.signUp", { method: "POST", headers, body, duplex: "half" } as RequestInit);

describe("request limits on /api/trpc", () => {
  it("keeps a normal JSON body intact", async () => {
    const bounded = await boundedRequest(post(JSON.stringify({ json: { name: "Mia" } })));
    expect(bounded).toBeInstanceOf(Request);
    expect(await (bounded as Request).json()).toEqual({ json: { name: "Mia" } });
  });

  it("refuses a body over 100 kB with 413, declared or streamed without a length", async () => {
    const big = JSON.stringify({ json: { name: "x".repeat(MAX_BODY_BYTES) } });
    expect(((await boundedRequest(post(big))) as Response).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode("x".repeat(10_000)));
        controller.close();
      },
    });
    const refused = (await boundedRequest(post(stream))) as Response;
    expect(refused.status).toBe(413);
    expect((await refused.json()).error.message).toContain("100 kB");
  });

  it("refuses multipart/form-data with 415", async () => {
    const form = new FormData();
    form.set("name", "Mia");
    const refused = (await boundedRequest(new Request("http://localhost/api/trpc/account.signUp", { method: "POST", body: form }))) as Response;
    expect(refused.status).toBe(415);
  });
});
