import path from 'node:path';
import type { IndexHtmlTransformContext, Plugin } from 'vite';
import { DEFAULT_LANG, LANGUAGE_KEY } from '../src/lib/language.js';

type Bundle = NonNullable<IndexHtmlTransformContext['bundle']>;
type Chunk = Extract<Bundle[string], { type: 'chunk' }>;

/** A route of a feature (`path: '/x'`) and the page module its `lazyPage(() => import('…'))` loads. */
const ROUTE = /path:\s*['"]([^'"]+)['"][^]*?import\(['"]([^'"]+)['"]\)/g;

/** Runs in the page's head before the app: preloads the chunks of the route being opened. */
function preloadScript(map: Record<string, string[]>): string {
  return `(function(m,p){var s=p.split('/').filter(Boolean);for(var k in m){var r=k.split('/').filter(Boolean);if(r.length!==s.length)continue;for(var i=0;i<r.length&&(r[i][0]===':'||r[i]===s[i]);i++);if(i<r.length)continue;m[k].forEach(function(f){var l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=f;document.head.appendChild(l)});return}})(${JSON.stringify(map)},location.pathname)`;
}

/**
 * Runs in the page's head before the app: preloads the translations of the language the app will
 * choose, the way `initialLanguage()` (src/lib/language.ts) chooses it: the remembered choice, else
 * the browser's language if there is a chunk for it, else the default.
 */
export function languageScript(map: Record<string, string[]>): string {
  return `(function(m,k,d){var l,h=function(x){return typeof x==='string'&&Object.prototype.hasOwnProperty.call(m,x)};try{l=localStorage.getItem(k)}catch(e){}if(!h(l))l=((navigator&&navigator.language)||'').slice(0,2);if(!h(l))l=d;m[l].forEach(function(f){var a=document.createElement('link');a.rel='modulepreload';a.crossOrigin='';a.href=f;document.head.appendChild(a)})})(${JSON.stringify(map)},${JSON.stringify(LANGUAGE_KEY)},${JSON.stringify(DEFAULT_LANG)})`;
}

function closure(bundle: Bundle, fileName: string, into: Set<string>): Set<string> {
  if (into.has(fileName)) return into;
  into.add(fileName);
  const chunk = bundle[fileName];
  if (chunk?.type === 'chunk') for (const dep of chunk.imports) closure(bundle, dep, into);
  return into;
}

/**
 * A page is its own chunk, loaded when the router reaches it: on a first load that request would wait
 * for the main script to download and run. The built index.html instead preloads the opened route's
 * page chunk and what it imports, alongside the main script (one round trip saved on a slow network).
 * The same for the translations: one chunk per language (the modules in `messagesDir`, named by their
 * language), and the page preloads the chunk of the language the app will choose.
 * The scripts come before the style sheet: a classic script after a style sheet waits for the sheet.
 */
export function routePreload(options: { messagesDir: string }): Plugin {
  const pages = new Map<string, string>();
  return {
    name: 'route-preload',
    apply: 'build',
    enforce: 'pre',
    async transform(code, id) {
      if (!/\/features\/[^/]+\/index\.ts$/.test(id)) return null;
      for (const [, route, specifier] of code.matchAll(ROUTE)) {
        const resolved = await this.resolve(specifier!, id);
        if (resolved) pages.set(resolved.id, route!);
      }
      return null;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const entry = Object.values(bundle).find((c): c is Chunk => c.type === 'chunk' && c.isEntry);
        const loaded = entry ? closure(bundle, entry.fileName, new Set()) : new Set<string>();
        const notLoaded = (chunk: Chunk) => [...closure(bundle, chunk.fileName, new Set())].filter((f) => !loaded.has(f)).map((f) => `/${f}`);
        const map: Record<string, string[]> = {};
        const languages: Record<string, string[]> = {};
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.facadeModuleId) continue;
          const route = pages.get(chunk.facadeModuleId);
          if (route) map[route] = notLoaded(chunk);
          const lang = path.relative(options.messagesDir, chunk.facadeModuleId).match(/^([a-z]{2})\.ts$/)?.[1];
          if (lang) languages[lang] = notLoaded(chunk);
        }
        if (!languages[DEFAULT_LANG]) throw new Error(`No translations chunk for "${DEFAULT_LANG}" from ${options.messagesDir}`);
        // After the meta tags (the charset within the first bytes), before the scripts and style sheets Vite added.
        return html.replace('</title>', `</title>\n    <script>${languageScript(languages)}</script>\n    <script>${preloadScript(map)}</script>`);
      },
    },
  };
}
