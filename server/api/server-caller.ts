import "server-only";
import { cache } from "react";
import { getSessionUser } from "@/server/auth/session";
import { createCaller } from "./root";
import { createContext } from "./trpc";

/** The tRPC caller for server components: same procedures, same guards, no HTTP hop. */
export const serverApi = cache(async () => createCaller(createContext({ user: await getSessionUser() })));
