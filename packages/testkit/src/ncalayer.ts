import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { cmsSign, type TestCertificate, type TestPki } from './nca-pki.js';

/**
 * A stand-in for NCALayer on loopback, answering the protocol ncalayer-js-client speaks: a version
 * greeting on connect, then JSON requests `{ module, method, args }`. `kz.gov.pki.knca.basics`
 * `sign` answers `{ status: true, body: { result: [<PEM CMS>] } }` (signed with `key`, detached or
 * attached as `signingParams.encapsulate` asks), an empty body when the person cancels, and
 * `{ status: false, code, message, details }` on failure; other modules get the commonUtils-style
 * `{ code: '500', message }`. `down()` closes the port (NCALayer not running), `up()` reopens it.
 */
export interface FakeNcaLayer {
  url: string;
  mode: 'sign' | 'cancel' | 'wrong-key' | 'fail';
  key?: TestCertificate;
  requests: { module: string; method: string; args?: Record<string, unknown> }[];
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeNcaLayer(pki: TestPki): Promise<FakeNcaLayer> {
  let server: WebSocketServer | null = null;
  let port = 0;
  const fake: FakeNcaLayer = {
    url: '',
    mode: 'sign',
    requests: [],
    down: async () => {
      for (const c of server?.clients ?? []) c.terminate();
      await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
      server = null;
    },
    up: async () => {
      server = new WebSocketServer({ host: '127.0.0.1', port });
      await new Promise((r) => server!.once('listening', r));
      port = (server.address() as AddressInfo).port;
      server.on('connection', (ws) => serve(ws));
    },
    close: () => fake.down(),
  };
  function serve(ws: WebSocket) {
    ws.send(JSON.stringify({ result: { version: '1.4' } }));
    ws.on('message', (raw) => {
      void (async () => {
        const req = JSON.parse(raw.toString()) as FakeNcaLayer['requests'][number];
        fake.requests.push(req);
        if (req.module !== 'kz.gov.pki.knca.basics' || req.method !== 'sign') {
          return ws.send(JSON.stringify({ code: '500', message: `java.lang.ClassNotFoundException: ${req.module}` }));
        }
        if (fake.mode === 'cancel') return ws.send(JSON.stringify({ status: true, body: {} }));
        if (fake.mode === 'wrong-key') {
          return ws.send(JSON.stringify({ status: false, code: 'SIGNER_ERROR', message: 'No suitable key', details: 'no certificate with the required key usage' }));
        }
        if (fake.mode === 'fail' || !fake.key) {
          return ws.send(JSON.stringify({ status: false, code: 'INVOCATION_ERROR', message: 'An invoked method threw an exception.', details: 'storage' }));
        }
        const args = req.args as { data: string; signingParams?: { encapsulate?: boolean } };
        const cms = await cmsSign(fake.key, new Uint8Array(Buffer.from(args.data, 'base64')), { chain: [pki.intermediate], attached: !!args.signingParams?.encapsulate });
        ws.send(JSON.stringify({ status: true, body: { result: [`-----BEGIN CMS-----\n${cms.replace(/.{64}/g, '$&\n')}\n-----END CMS-----\n`] } }));
      })();
    });
  }
  await fake.up();
  fake.url = `ws://127.0.0.1:${port}`;
  return fake;
}
