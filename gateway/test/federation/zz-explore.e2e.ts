import { it } from 'vitest';
import { CASES } from './cases.js';
import { post, startPlainGateway, startSubgraphs } from './harness.js';
it('explore', async () => {
  for (const c of CASES) {
    const subs = await startSubgraphs(c.subgraphs);
    const gw = await startPlainGateway(subs.supergraphSdl);
    for (const op of c.operations) {
      subs.resetCounts();
      const res = await post(gw.url, op.query, op.variables);
      const ok = JSON.stringify(res.data) === JSON.stringify(op.expect.data) && (op.expect.errorPaths ? JSON.stringify((res.errors??[]).map(e=>e.path).sort()) === JSON.stringify([...op.expect.errorPaths].sort()) : !res.errors);
      console.log(ok ? 'OK  ' : 'DIFF', c.name, '›', op.name, ok ? '' : JSON.stringify(res) , JSON.stringify(subs.counts));
    }
    await gw.close(); await subs.close();
  }
}, 120000);
