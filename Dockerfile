# syntax=docker/dockerfile:1
# Not built by CI (the CI machines have no Docker engine): keep it in step with package.json,
# nest-cli.json and tsconfig.build.json by reading them.

# --- build: compile TypeScript (src/ and migrations/) to dist/ ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The only install script in the tree is @scarf/scarf's telemetry ping (from swagger-ui-dist).
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build

# --- runtime: production dependencies and the compiled app, nothing else ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=optional drops about 50 MB that only optional peers pull in (typescript, ts-node,
# @swc/wasm for the TypeORM CLI) and pg-cloudflare; the app needs none of them at run time.
RUN npm ci --omit=dev --omit=optional --ignore-scripts && npm cache clean --force
# dist/src/main.js loads dist/migrations at start (DB_MIGRATIONS_RUN defaults to true).
COPY --from=build /app/dist ./dist
# Files stay owned by root: the app only reads them.
USER node
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
# The slim image has no curl; Node 20 has fetch. Ready means the database answers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/v1/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
