# One build for every Node service; `web` is the static app behind nginx (it proxies /graphql to the gateway).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
# The web app signs with NCALayer (the national EDS); the development signer is for `npm start` and tests.
ARG VITE_EDS_SIGNER=ncalayer
ENV VITE_EDS_SIGNER=$VITE_EDS_SIGNER
RUN npm ci && npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
USER node

FROM nginx:1.27-alpine AS web
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/web/dist /usr/share/nginx/html
