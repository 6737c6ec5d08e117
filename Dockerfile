# One image for both roles; docker-compose.yml chooses `start:api` or `start:worker`.
FROM node:24-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund
COPY . .
# The client's bundles and the server compiled to plain JavaScript (server/dist): node runs it directly,
# so signals reach the app itself, with no npm or TypeScript loader in between.
RUN npm run build
USER node
EXPOSE 3000
CMD ["node", "server/dist/server.js"]
