import { describe, expect, it } from 'vitest';
import { AuditBatcher } from '../../src/security/audit.js';
import type { AuditRow } from '../../src/security/directory.js';

let n = 0;
const row = (extra: Partial<AuditRow> = {}): AuditRow => ({
  id: `row-${++n}`, at: new Date(), actorSub: 'sub', actorRole: 'RECIPIENT', clientId: null, onBehalfOf: [], personIds: [],
  operationType: 'query', operationName: 'Q', documentHash: null, entityIds: [], outcome: 'OK', errorCodes: [], requestId: null, ...extra,
});

/** A store whose INSERT takes `ms` and records which rows each statement committed, and when. */
function fakeStore(ms = 5, fail?: (rows: AuditRow[]) => Error | null) {
  const statements: string[][] = [];
  const committed = new Set<string>();
  return {
    statements,
    committed,
    async audit(rows: AuditRow[]) {
      await new Promise((r) => setTimeout(r, ms));
      const e = fail?.(rows);
      if (e) throw e;
      statements.push(rows.map((r) => r.id));
      for (const r of rows) committed.add(r.id);
    },
  };
}

describe('AuditBatcher (group commit of audit rows)', () => {
  it('writes a lone row at once, in its own statement', async () => {
    const store = fakeStore();
    const b = new AuditBatcher(store);
    const r = row();
    await b.write(r);
    expect(store.statements).toEqual([[r.id]]);
    expect(b.stats).toMatchObject({ statements: 1, rows: 1, largestBatch: 1 });
  });

  it('commits the rows of concurrent writers in fewer statements, each writer waiting for its own row', async () => {
    const store = fakeStore(10);
    const b = new AuditBatcher(store, { maxRows: 20 });
    const rows = Array.from({ length: 50 }, () => row());
    const early: string[] = [];
    await Promise.all(rows.map((r) => b.write(r).then(() => {
      if (!store.committed.has(r.id)) early.push(r.id);
    })));
    expect(early).toEqual([]);
    expect(new Set(store.statements.flat())).toEqual(new Set(rows.map((r) => r.id)));
    expect(store.statements.flat()).toHaveLength(50);
    expect(store.statements.length).toBeLessThan(50);
    expect(Math.max(...store.statements.map((s) => s.length))).toBeLessThanOrEqual(20);
    expect(b.stats).toMatchObject({ statements: store.statements.length, rows: 50 });
  });

  it('logs every row of a failed batch with personal data masked, and still lets the responses go', async () => {
    const store = fakeStore(2, () => Object.assign(new Error('connection terminated'), { code: '57P01' }));
    const lines: string[] = [];
    const b = new AuditBatcher(store, {}, (l) => lines.push(l));
    await Promise.all([
      b.write(row({ entityIds: ['iin:900101300123'] })),
      b.write(row({ entityIds: ['Person:x'] })),
      b.write(row({ entityIds: ['Person:y'] })),
    ]);
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.startsWith('[audit] NOT RECORDED ') && l.endsWith('connection terminated'))).toBe(true);
    expect(lines.join('\n')).not.toContain('900101300123');
    expect(lines.join('\n')).toContain('90**********');
  });

  it("writes row by row when a batch is refused for one row's data, so only that row is lost (and logged)", async () => {
    const bad = row({ operationName: 'BAD' });
    const store = fakeStore(2, (rows) => (rows.some((r) => r.operationName === 'BAD') ? Object.assign(new Error('value too long'), { code: '22001' }) : null));
    const lines: string[] = [];
    const b = new AuditBatcher(store, {}, (l) => lines.push(l));
    const first = row();
    const others = [row(), bad, row()];
    // The first write is in flight while the others queue: they form one batch.
    await Promise.all([b.write(first), ...others.map((r) => b.write(r))]);
    expect([...store.committed].sort()).toEqual([first, others[0]!, others[2]!].map((r) => r.id).sort());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(bad.id);
  });
});
