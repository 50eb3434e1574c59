import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The import map of the hand-written TypeScript: libraries in `packages/` never import an application
 * (gateway, subgraphs, apps, web, scripts, bench), packages do not import each other in a circle, and
 * the modules of one package or application do not either. Type-only imports count: they tie the
 * build order of packages (project references) and the reading order of modules all the same.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Generated or third-party: not read. */
const SKIP_DIRS = new Set(['node_modules', 'dist', 'gql', 'screenshots', 'results', 'coverage', '.data']);

interface Unit {
  /** `packages/core`, `subgraphs/orders`, `gateway`… */
  dir: string;
  /** `@aleumet/core` */
  name: string;
  library: boolean;
}

function units(): Unit[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { workspaces: string[] };
  const dirs = pkg.workspaces.flatMap((w) =>
    w.endsWith('/*') ? readdirSync(path.join(ROOT, w.slice(0, -2))).map((d) => `${w.slice(0, -2)}/${d}`) : [w],
  );
  const out: Unit[] = [];
  for (const dir of dirs) {
    const manifest = path.join(ROOT, dir, 'package.json');
    if (!existsSync(manifest)) continue;
    out.push({ dir, name: (JSON.parse(readFileSync(manifest, 'utf8')) as { name: string }).name, library: dir.startsWith('packages/') });
  }
  // Tools of the repository: applications too (they may import anything but must not be imported).
  for (const dir of ['scripts', 'bench', 'test']) out.push({ dir, name: `(${dir})`, library: false });
  return out;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(path.join(d, entry.name));
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path.join(d, entry.name));
    }
  };
  walk(path.join(ROOT, dir));
  return out;
}

/** Test code may stand on anything (a package's e2e test starts the whole platform). */
const isTest = (rel: string) => /(^|\/)test\//.test(rel) || /\.(test|e2e|bench)\.tsx?$/.test(rel);

export interface Edge {
  from: string;
  to: string;
  /** Where the import is written: `file → specifier`. */
  via: string;
}

/** Every import, re-export, `import type` and `import()` of a file (TypeScript's own pre-processor). */
function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

function resolveRelative(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  const stem = base.replace(/\.(js|jsx|ts|tsx)$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Cycles of a directed graph (one per strongly connected component), each as the edges around it. */
export function findCycles(edges: readonly Edge[]): Edge[][] {
  const out = new Map<string, Edge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  // Tarjan's strongly connected components.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const e of out.get(v) ?? []) {
      if (!idx.has(e.to)) {
        visit(e.to);
        low.set(v, Math.min(low.get(v)!, low.get(e.to)!));
      } else if (onStack.has(e.to)) low.set(v, Math.min(low.get(v)!, idx.get(e.to)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (out.get(v) ?? []).some((e) => e.to === v)) components.push(component);
    }
  };
  for (const v of new Set(edges.flatMap((e) => [e.from, e.to]))) if (!idx.has(v)) visit(v);
  // One concrete cycle per component: a shortest way back to its first node.
  return components.map((component) => {
    const members = new Set(component);
    const start = component.sort()[0]!;
    const previous = new Map<string, Edge>();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const e of out.get(queue[i]!) ?? []) {
        if (!members.has(e.to) || previous.has(e.to)) continue;
        previous.set(e.to, e);
        if (e.to === start) {
          const cycle: Edge[] = [];
          for (let at = previous.get(start)!; ; at = previous.get(at.from)!) {
            cycle.unshift(at);
            if (at.from === start) break;
          }
          return cycle;
        }
        queue.push(e.to);
      }
    }
    return [];
  });
}

const describeCycle = (cycle: Edge[]) => cycle.map((e) => `${e.from} → ${e.to} (${e.via})`).join('\n    ');

function importMap() {
  const all = units();
  const byName = new Map(all.map((u) => [u.name, u]));
  const unitOf = (file: string) => {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    return all.filter((u) => rel === u.dir || rel.startsWith(`${u.dir}/`)).sort((a, b) => b.dir.length - a.dir.length)[0];
  };
  const packageEdges: Edge[] = [];
  const moduleEdges: Edge[] = [];
  let files = 0;
  for (const unit of all) {
    for (const file of sourceFiles(unit.dir)) {
      if (unitOf(file) !== unit) continue; // bench/subscriptions belongs to bench, packages/x to its own unit
      files++;
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) {
          const target = resolveRelative(file, spec);
          if (!target) continue; // JSON, CSS, assets
          const to = unitOf(target);
          const targetRel = path.relative(ROOT, target).split(path.sep).join('/');
          if (to === unit) moduleEdges.push({ from: rel, to: targetRel, via: `${rel} imports '${spec}'` });
          else if (to && !isTest(rel)) packageEdges.push({ from: unit.dir, to: to.dir, via: `${rel} imports '${spec}'` });
          continue;
        }
        const name = /^@aleumet\/[^/]+/.exec(spec)?.[0];
        const to = name ? byName.get(name) : undefined;
        if (to && to !== unit && !isTest(rel)) packageEdges.push({ from: unit.dir, to: to.dir, via: `${rel} imports '${spec}'` });
      }
    }
  }
  return { all, files, packageEdges, moduleEdges };
}

describe('import map of the hand-written code', () => {
  const map = importMap();
  const libraries = new Set(map.all.filter((u) => u.library).map((u) => u.dir));

  it('reads the whole repository', () => {
    // Guards the checks below against passing on an empty map (a moved folder, a broken walk).
    expect(map.files).toBeGreaterThan(300);
    expect(map.packageEdges.some((e) => e.from === 'packages/subgraph-kit' && e.to === 'packages/core')).toBe(true);
    expect(map.packageEdges.some((e) => e.from === 'apps/platform' && e.to === 'gateway')).toBe(true);
    expect(map.moduleEdges.length).toBeGreaterThan(300);
  });

  it('finds a cycle and names its edges', () => {
    const cycles = findCycles([
      { from: 'a', to: 'b', via: 'a.ts' },
      { from: 'b', to: 'c', via: 'b.ts' },
      { from: 'c', to: 'a', via: 'c.ts' },
      { from: 'c', to: 'd', via: 'c.ts' },
    ]);
    expect(cycles.map((c) => c.map((e) => e.from))).toEqual([['a', 'b', 'c']]);
    expect(findCycles([{ from: 'a', to: 'b', via: '' }, { from: 'b', to: 'c', via: '' }])).toEqual([]);
  });

  it('no package imports an application (except in tests)', () => {
    const upward = map.packageEdges.filter((e) => libraries.has(e.from) && !libraries.has(e.to));
    expect(upward.map((e) => `${e.from} → ${e.to} (${e.via})`)).toEqual([]);
  });

  it('no import cycle between packages and applications', () => {
    const seen = new Set<string>();
    const edges = map.packageEdges.filter((e) => !seen.has(`${e.from}>${e.to}`) && seen.add(`${e.from}>${e.to}`));
    expect(findCycles(edges).map(describeCycle)).toEqual([]);
  });

  it('no import cycle between the modules of a package or application', () => {
    expect(findCycles(map.moduleEdges).map(describeCycle)).toEqual([]);
  });
});
