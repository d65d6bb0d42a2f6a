import { MESSAGING_SCRIPT } from "@/server/api/v1/messaging";

export const dynamic = "force-static";

export function GET() {
  return new Response(MESSAGING_SCRIPT, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=300",
      "access-control-allow-origin": "*",
      "cross-origin-resource-policy": "cross-origin",
    },
  });
}
