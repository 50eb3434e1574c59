import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpLegalEntityRegistry, registriesFromEnv, setRegistries, type LegalEntity } from '@aleumet/registries';

const USERNAME = 'aleumet';
const PASSWORD = 'registry-test';

export interface LegalEntityRegistryServer {
  url: string;
  /** What the registry holds, by BIN (an organization missing here is NOT_FOUND). */
  cards: Map<string, LegalEntity>;
  /** The BINs asked, in order. */
  asked: string[];
  close(): Promise<void>;
}

/**
 * The legal-entity registry (ГБД ЮЛ) on loopback, speaking the message format of docs/registries.md
 * (POST, HTTP Basic, `messageId` echoed, FOUND with `data` or NOT_FOUND), installed as the registry this
 * process's subgraphs ask (the other registries stay the demo world's). `close` puts the demo one back.
 */
export async function startLegalEntityRegistry(): Promise<LegalEntityRegistryServer> {
  const cards = new Map<string, LegalEntity>();
  const asked: string[] = [];
  const expected = `Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')}`;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.method !== 'POST' || req.headers.authorization !== expected) return reply(401, { error: 'unauthorized' });
      let message: { messageId?: string; request?: { bin?: string } };
      try {
        message = JSON.parse(raw);
      } catch {
        return reply(400, { error: 'not JSON' });
      }
      if (!message.messageId || req.headers['x-message-id'] !== message.messageId || typeof message.request?.bin !== 'string') return reply(400, { error: 'bad message' });
      asked.push(message.request.bin);
      const card = cards.get(message.request.bin);
      reply(200, card ? { messageId: message.messageId, status: 'FOUND', data: card } : { messageId: message.messageId, status: 'NOT_FOUND' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gbdul`;
  setRegistries({
    ...registriesFromEnv({}),
    legalEntities: new HttpLegalEntityRegistry({
      url, username: USERNAME, password: PASSWORD, timeoutMs: 5_000, retries: 1, backoffMs: 10, sender: 'aleumet', breaker: { failureThreshold: 20, openMs: 1_000 },
    }),
  });
  return {
    url,
    cards,
    asked,
    async close() {
      setRegistries(undefined);
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
