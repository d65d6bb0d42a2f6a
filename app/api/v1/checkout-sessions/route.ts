import { createSession } from "@/server/api/v1/endpoints";
import { serve } from "@/server/api/v1/serve";

export const dynamic = "force-dynamic";
export const POST = serve(createSession);
