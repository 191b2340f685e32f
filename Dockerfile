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
USER node
CMD ["npm", "start"]
