# Steward: production image. Build: docker build -t steward .
# Run:   docker run -p 3000:3000 -v steward-data:/data --env-file .env steward
# CLI:   docker exec <container> node bin/steward.js report --repo owner/name
# The image runs compiled JavaScript (dist/) with production dependencies only: no tsx, no
# esbuild, no TypeScript. /data belongs to the user `node` (uid 1000, gid 1000).

# --- build: compile TypeScript and the native SQLite binding -------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The same build as `npm run build` everywhere else; then drop the dev dependencies and make sure
# the TypeScript tool chain really went with them (it must never be what runs in production).
RUN npm run build \
    && npm prune --omit=dev --no-audit --no-fund \
    && for dev in tsx esbuild typescript; do \
         if [ -e "node_modules/$dev" ]; then echo "node_modules/$dev is still there after npm prune" >&2; exit 1; fi; \
       done

# --- runtime: production dependencies and compiled code only, as a non-root user -----------
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    LOG_FORMAT=json \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_URL=/data/steward.db
WORKDIR /app
# Owned by root and read-only to `node`: the app can write only to /data.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json app.yml ./
# dist/src/package-root.js walks up to /app/package.json, so migrations are read from
# /app/migrations (sqlite/ and postgres/, one folder per engine).
COPY migrations ./migrations
COPY bin ./bin
# A named volume starts as a copy of this folder, owner included; a bind mount keeps its host
# owner, so give it to uid 1000 first (chown 1000:1000 ./data).
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
