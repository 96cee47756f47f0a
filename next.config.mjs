/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // NEXT_DIST_DIR lets a second checkout-local build (e.g. a demo next to a test run) keep its own output.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project (tsc) before any test runs; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // A self-contained server (<distDir>/standalone/server.js with only the node_modules it needs):
  // what `npm start` runs and what the Dockerfile copies into its image.
  output: "standalone",
  // forbidden() renders app/forbidden.tsx with a 403 for a signed-in user of another role.
  // NEXT_SERVER_MINIFY=0 keeps the server's function names, for reading a CPU profile (npm run bench with BENCH_PROFILE=1).
  // proxyClientMaxBodySize: a body passing through proxy.ts is copied into memory up to this size
  // and silently cut there (Next.js 16's default is 10 MB, less than a 10 MiB receipt with its
  // multipart framing). 40 MB: a file at the largest receipts.max_bytes (25 MiB) sent base64 in
  // JSON, or the merchant's dispute form with its evidence (that route refuses more, with a 413).
  // The trader's receipt upload skips the proxy (see proxy.ts) and streams.
  experimental: { authInterrupts: true, serverMinification: process.env.NEXT_SERVER_MINIFY !== "0", proxyClientMaxBodySize: "40mb" },
  // Server-side packages loaded from node_modules at run time instead of being bundled.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "bcryptjs", "@node-rs/argon2", "pino", "prom-client"],
};

export default nextConfig;
