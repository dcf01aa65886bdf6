# One image for the three apps and every CLI; docker-compose.yml picks the entry point.
# Node 22 LTS, pinned (the suite also runs on 20 and 24: README, "Production").
ARG NODE_IMAGE=node:22.23.2-bookworm-slim

FROM ${NODE_IMAGE} AS build
# Compilers for the native modules (argon2, better-sqlite3) when no prebuilt binary
# fits this Node's ABI: they are built here, against Node 22, never in the final image.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# The lock file is written by npm 11 (package.json "engines").
RUN npm install -g npm@11.19.1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev
# Fail the build, not the first login, if a native module does not load on this Node.
RUN node -e "require('argon2'); new (require('better-sqlite3'))(':memory:').close()"

FROM ${NODE_IMAGE}
# One malloc arena: argon2's 19 MiB blocks are then reused across libuv's threads instead of each
# thread's arena keeping its own (~75 MiB less RSS in the flows bench; see bench/RESULTS.md).
# DATA_DIR is used only by the embedded adapters (an unset EVENTSTORE_URL, MONGO_URL or REDIS_URL,
# and the worker's outbox when SMTP_URL or LETTER_VENDOR_URL is unset). With all of them set,
# nothing is written anywhere and the root file system can be read-only.
ENV NODE_ENV=production MALLOC_ARENA_MAX=1 HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
# Copied as root with the build's modes (files 644, directories 755): the app's user can read
# and run the code but not change it.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/package.json ./
RUN mkdir /data && chown node:node /data && chmod 700 /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# No curl in slim images: Node's own fetch asks the app's liveness route.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
