# syntax=docker/dockerfile:1
# JivaPay for operators who run containers (see "Deploying" in README.md and compose.yaml).
#   runner (default): the standalone Next.js server only — no sources, no dev tools, non-root.
#   tools:            the full build, for `npm run db:prepare` (migrations, reference data and
#                     settings) and `npm run admin:create`, run once per release / per admin.
# `npm test` proves what the runner runs: it starts the same standalone folder on Debian's
# PostgreSQL 15 and drives it (playwright.production.config.ts).

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Dependencies first, so a change to the sources reuses this layer. The postinstall step
# generates the Prisma client from the schema.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma prisma/schema.prisma
COPY scripts/prisma-generate.mjs scripts/prisma-generate.mjs
# The lock cannot list every platform's optional packages (see .ci/run); fall back to install.
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY . .
# next build, then the standalone folder completed with static assets, public/, the migrations
# (which /api/ready compares with the database) and the X-Forwarded-For peer preload.
RUN npm run build

FROM build AS tools
ENV NODE_ENV=production
CMD ["npm", "run", "db:prepare"]

FROM node:20-bookworm-slim AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000
RUN groupadd --system --gid 1001 jivapay && useradd --system --uid 1001 --gid jivapay --no-create-home jivapay
COPY --from=build --chown=jivapay:jivapay /app/.next/standalone ./
USER jivapay
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# peer-address.cjs appends the socket's peer to X-Forwarded-For: the client IP rule
# (TRUSTED_PROXIES) needs the hop Next.js leaves out.
CMD ["node", "--require", "./peer-address.cjs", "server.js"]
