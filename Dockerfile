# One image for the three apps; docker-compose.yml picks the entry point.
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# One malloc arena: argon2's 19 MiB blocks are then reused across libuv's threads instead of each
# thread's arena keeping its own (~75 MiB less RSS in the flows bench; see bench/RESULTS.md).
ENV NODE_ENV=production MALLOC_ARENA_MAX=1
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
