/**
 * A read computed from the clock must be declared in its subgraph's `domain/cache.ts` (`time`), or the
 * gateway would keep a stale answer. Every root query and field resolver whose body asks
 * `ctx.runtime.clock` is found in the resolver sources and looked up in the declared hints.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DependenceTable, type CacheTagging } from '@aleumet/cache-tags';

const ROOT = path.resolve(import.meta.dirname, '..');
const SUBGRAPHS = ['catalog', 'finance', 'orders', 'people', 'programs'];

/** `Type.field` of each @Query / @FieldResolver method whose body reads the clock. */
function clockReads(source: string): string[] {
  const out: string[] = [];
  let type = 'Query';
  const parts = source.split(/(?=@Resolver\(|@Query\(|@FieldResolver\(|@Mutation\(|@Subscription\()/);
  for (const part of parts) {
    const resolver = /^@Resolver\(\(\) => (\w+)/.exec(part);
    if (resolver) type = resolver[1]!;
    const kind = /^@(Query|FieldResolver)\(/.exec(part)?.[1];
    if (!kind || !/clock\.now\(\)/.test(part)) continue;
    const method = /\)\s*\n\s*(?:async\s+)?(\w+)\s*\(/.exec(part)?.[1];
    if (method) out.push(`${kind === 'Query' ? 'Query' : type}.${method}`);
  }
  return out;
}

describe('time hints', () => {
  for (const name of SUBGRAPHS) {
    it(`${name}: every query and field computed from the clock is declared time-dependent`, async () => {
      const { cache } = (await import(`../subgraphs/${name}/domain/cache.ts`)) as { cache: CacheTagging };
      const table = new DependenceTable(cache.hints);
      const dir = path.join(ROOT, 'subgraphs', name, 'resolvers');
      const found = readdirSync(dir).filter((f) => f.endsWith('.ts')).flatMap((f) => clockReads(readFileSync(path.join(dir, f), 'utf8')));
      for (const coordinate of found) {
        const [type, field] = coordinate.split('.') as [string, string];
        expect({ coordinate, dependence: table.of(type, field) }).toEqual({ coordinate, dependence: 'time' });
      }
    });
  }

  it('finds the clock reads it is meant to find (the check cannot pass by finding nothing)', () => {
    const source = readFileSync(path.join(ROOT, 'subgraphs/people/resolvers/complaint.resolver.ts'), 'utf8');
    expect(clockReads(source)).toEqual(expect.arrayContaining(['Query.complaints', 'Complaint.overdue']));
  });
});
