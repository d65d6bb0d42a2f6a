// "server-only" throws outside React Server Components; unit and integration tests import server code directly.
import { vi } from "vitest";

vi.mock("server-only", () => ({}));
process.env.TZ_PLATFORM ??= "Asia/Shanghai";
