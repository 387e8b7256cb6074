# syntax=docker/dockerfile:1
# CI has no Docker engine: `.ci/runtime-stage` reproduces the runtime stage below, reading this
# file (the same npm ci flags, only what the stage copies, a non-root user) on Node 22 from the
# npm registry, and boots it against PostgreSQL. Keep every instruction of that stage to what
# the script understands (FROM, ENV, WORKDIR, COPY, RUN, USER, EXPOSE, HEALTHCHECK, CMD).

# --- build: compile TypeScript (src/ and migrations/) to dist/ ---
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No dependency needs its install script: @node-rs/argon2 ships its binary as a per-platform
# optional package; the only script in the tree is @scarf/scarf's telemetry ping.
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build

# --- runtime: production dependencies and the compiled app, nothing else ---
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# Not --omit=optional: the argon2 binary is the optional package @node-rs/argon2-<platform>.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
# dist/src/main.js is the app; dist/src/database/migrate.js the migration step, which compose
# runs as a one-shot service with the owner role (docs/operations/guide.md, "Migrations").
COPY --from=build /app/dist ./dist
# Attributions of third-party data (date-holidays: CC BY-SA 3.0).
COPY NOTICE ./
# Files stay owned by root: the app only reads them.
USER node
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
# The slim image has no curl; Node 22 has fetch. Ready means: the database answers and no
# migration is pending.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/v1/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Heap limits (docs/architecture/0024-one-round-trip-reads.md, "Memory"): without them V8 lets the old generation
# grow to twice the live heap and more under load (RSS 300-400 MB); with them the heap stays near
# 100 MB. `npm start`, `npm run start:prod` and the benchmark pass the same flags (a spec checks).
# Async context frames (ADR 0024, "The request's context without promise hooks"): Node 22 keeps
# AsyncLocalStorage without V8's promise hooks, 7-10 % fewer instructions per read; Node 24's
# default, which refuses the flag. Not in npm start, which runs on a developer's Node.
CMD ["node", "--experimental-async-context-frame", "--max-semi-space-size=8", "--max-old-space-size=160", "dist/src/main.js"]
