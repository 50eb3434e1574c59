import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves the built app at `/` and the API at `/graphql` on the same origin.
// `npm run dev -w web` proxies /graphql to a running `npm start` (port 4000).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } } },
});
