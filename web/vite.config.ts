import { writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { documentsPerChunk } from './build/documents.js';
import { routePreload } from './build/route-preload.js';

/**
 * Writes `file.br` and `file.gz` beside every built script, style sheet and page, compressed at the
 * highest levels once at build time; the gateway's static server sends them by Accept-Encoding.
 */
function precompress(): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(name)) continue;
        const file = path.join(options.dir!, name);
        const item = bundle[name]!;
        const body = Buffer.from(item.type === 'chunk' ? item.code : item.source);
        if (body.length < 1024) continue;
        writeFileSync(`${file}.br`, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
      }
    },
  };
}

// The gateway serves the built app at `/` and the API at `/graphql` on the same origin.
// `npm run dev -w web` proxies /graphql to a running `npm start` (port 4000).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [documentsPerChunk(path.join(import.meta.dirname, 'src')), routePreload({ messagesDir: path.join(import.meta.dirname, 'src/app/messages') }), react(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } } },
});
