import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const DEFINITION = /\b(query|mutation|subscription|fragment)\s+([A-Za-z_][A-Za-z0-9_]*)/;
/** A generated document: `export const XDocument = {…} as unknown as DocumentNode<…>;` on one line. */
const GENERATED = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;
const PREFIX = '\0graphql-document:';

/**
 * Each `graphql(`…`)` call becomes an import of a module holding just its document (the AST codegen
 * wrote into `src/gql/graphql.ts`), as the client preset's Babel plugin intends: the bundler puts a
 * document into the chunk of the page that uses it (or a chunk shared by the pages that do), instead
 * of one module of all documents that every role downloads. Type checking still sees `graphql()`.
 */
export function documentsPerChunk(srcDir: string): Plugin {
  const gqlDir = path.join(srcDir, 'gql');
  let documents = new Map<string, string>();
  return {
    name: 'documents-per-chunk',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      const generated = readFileSync(path.join(gqlDir, 'graphql.ts'), 'utf8');
      documents = new Map([...generated.matchAll(GENERATED)].map((m) => [m[1]!, m[2]!]));
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? id : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const body = documents.get(id.slice(PREFIX.length));
      if (!body) throw new Error(`No generated document ${id.slice(PREFIX.length)}: run npm run codegen`);
      return `export default ${body};`;
    },
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!/\.tsx?$/.test(file) || !file.startsWith(srcDir + path.sep) || file.startsWith(gqlDir + path.sep)) return null;
      if (!code.includes('graphql(')) return null;
      const imports = new Map<string, string>();
      const out = code.replace(CALL, (call, text: string) => {
        const def = DEFINITION.exec(text);
        if (!def) return call;
        const name = def[1] === 'fragment' ? `${def[2]}FragmentDoc` : `${def[2]}Document`;
        if (!documents.has(name)) this.error(`${file}: ${name} is not in src/gql/graphql.ts: run npm run codegen`);
        imports.set(name, `__document_${name}`);
        return `__document_${name}`;
      });
      if (imports.size === 0) return null;
      const head = [...imports].map(([name, local]) => `import ${local} from ${JSON.stringify(PREFIX + name)};`).join(' ');
      // On the first line, so the lines of the source map stay where they were.
      return { code: `${head} ${out}`, map: null };
    },
  };
}
