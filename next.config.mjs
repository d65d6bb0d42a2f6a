import createNextIntlPlugin from "next-intl/plugin";

// Pages get their CSP, with a fresh script nonce, from proxy.ts (server/http/content-security-policy.ts). The API
// answers JSON and CSV, never a document to run: nothing may load from it.
const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets parallel test runs (and worktrees) build without clobbering each other.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["better-sqlite3", "pino"],
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
    ];
  },
};

export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
