/**
 * The gateway under test, in its own process so its memory is measured alone.
 * Started by run.ts with BENCH_* variables; answers `stats` messages over IPC.
 */
import 'reflect-metadata';
import { startGateway } from '@aleumet/gateway';

const gateway = await startGateway({
  supergraphPath: process.env.BENCH_SUPERGRAPH!,
  port: 0,
  subgraphUrls: JSON.parse(process.env.BENCH_SUBGRAPH_URLS!) as Record<string, string>,
  security: { databaseUrl: process.env.BENCH_DATABASE_URL! },
} as Parameters<typeof startGateway>[0]);

process.on('message', (msg: { type: string }) => {
  if (msg.type === 'stats') {
    const m = process.memoryUsage();
    process.send!({ type: 'stats', rss: m.rss, heapUsed: m.heapUsed, external: m.external, ...gateway.subscriptions.engine.stats() });
  }
  if (msg.type === 'close') void gateway.close().then(() => process.exit(0));
});
process.send!({ type: 'ready', url: gateway.url });
