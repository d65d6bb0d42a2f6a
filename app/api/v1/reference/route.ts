import { apiReferenceHtml } from "@/server/api/v1/reference";

export const dynamic = "force-static";

export function GET() {
  return new Response(apiReferenceHtml(), { headers: { "content-type": "text/html; charset=utf-8" } });
}
