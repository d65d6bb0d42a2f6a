// What /api/trpc accepts before tRPC reads a byte: JSON bodies up to 100 kB (multipart bodies not at all), and
// batches of up to 10 calls (tRPC's maxBatchSize). tRPC itself answers other content types with 415.
export const MAX_BODY_BYTES = 100_000;
export const MAX_BATCH_SIZE = 10;

const refuse = (status: number, message: string, code: string) => Response.json({ error: { message, code } }, { status });

/**
 * The request with its body read (at most MAX_BODY_BYTES), or the refusal to send instead. A body without a
 * Content-Length (chunked) is counted as it arrives, so a stream cannot slip past the cap.
 */
export async function boundedRequest(req: Request): Promise<Request | Response> {
  if ((req.headers.get("content-type") ?? "").toLowerCase().includes("multipart/form-data"))
    return refuse(415, "Send JSON: form uploads are not accepted here.", "UNSUPPORTED_MEDIA_TYPE");
  if (!req.body || req.method === "GET" || req.method === "HEAD") return req;
  const tooLarge = () => refuse(413, `The request is larger than ${MAX_BODY_BYTES / 1000} kB.`, "PAYLOAD_TOO_LARGE");
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) body.set(chunk, (at += chunk.byteLength) - chunk.byteLength);
  return new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal });
}
