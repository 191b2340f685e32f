# One image for the bot and the worker; docker-compose.yml picks the command.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Dev dependencies stay out; tsx (a runtime dependency) runs the TypeScript directly.
RUN npm ci --omit=dev --no-fund --no-audit && npm cache clean --force
COPY tsconfig.json ./
COPY src ./src
COPY jobs ./jobs
COPY scripts ./scripts
COPY locales ./locales
COPY data ./data
# The Zalo session lives in a volume mounted here; the folder must exist and belong to the user the
# processes run as, or Docker creates it root-owned and the bot cannot save its session.
RUN mkdir -p /app/state && chown node:node /app/state
USER node
CMD ["npm", "start"]
