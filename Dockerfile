# One image for api and worker (the command picks which). CI and tests run on the same Node major
# (scripts/use-node.sh); test/architecture/runtime.spec.ts checks that this base, engines and .nvmrc agree.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production STORAGE_DIR=/data/storage
WORKDIR /app
COPY --from=build /app /app
RUN mkdir -p /data/storage && chown -R node:node /data
USER node
EXPOSE 3000
CMD ["node", "apps/api/dist/main.js"]
