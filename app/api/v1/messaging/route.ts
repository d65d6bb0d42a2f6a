import { handleMessagingRequest, MESSAGING_CORS } from "@/server/api/v1/messaging";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => handleMessagingRequest(request);

export function OPTIONS() {
  return new Response(null, { status: 204, headers: MESSAGING_CORS });
}
