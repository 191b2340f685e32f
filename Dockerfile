# One image for the bot and the worker; docker-compose.yml picks the program. Three stages: the build
# (all dependencies, type check, bundle to dist/), the production dependencies, and the image, which holds
# only dist/, locales/, data/ and production node_modules — no sources, no TypeScript, no tsx.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-fund --no-audit
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY jobs ./jobs
COPY scripts ./scripts
RUN npx tsc -p tsconfig.build.json && npm run build

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-fund --no-audit && npm cache clean --force

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# package.json marks the project's root, where the programs find locales/ and data/ (src/shared/paths.ts).
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY locales ./locales
COPY data ./data
# The Zalo session lives in a volume mounted here; the folder must exist and belong to the user the
# processes run as, or Docker creates it root-owned and the bot cannot save its session.
RUN mkdir -p /app/state && chown node:node /app/state
USER node
# node itself, not npm, so SIGTERM reaches the program (compose adds an init process to forward it).
# --max-semi-space-size=4: the bot's young generation at 4 MB semi-spaces instead of V8's 16; a Monday
# burst of reports grew them to full size and V8 kept them, ~17 MB of the bot's memory for nothing (the
# burst took as long). npm start and compose's bot service run the same command (docker-files.test.ts).
CMD ["node", "--enable-source-maps", "--max-semi-space-size=4", "dist/app/main.js"]
