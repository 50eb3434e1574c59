import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { ExtendedKeyUsageExtension } from '@peculiar/x509';
import { cmsSign, type TestCertificate, type TestPki } from './nca-pki.js';

/**
 * A stand-in for NCALayer on loopback, answering the protocol ncalayer-js-client speaks (the shapes
 * its `setHandlers` and `connect` read): a version greeting `{ result: { version } }` on connect, then
 * JSON requests `{ module, method, args }`. `kz.gov.pki.knca.basics` `sign` answers
 * `{ status: true, body: { result: [<PEM CMS>] } }` (signed with `key`, detached or attached as
 * `signingParams.encapsulate` asks), a body without `result` when the person cancels (the client's
 * "cancelled by user"), and `{ status: false, code, message, details }` on failure (the client
 * rejects with "code: message (details)"). `wrong-key`: the storage holds no key whose extended key
 * usage matches `signerParams.extKeyUsageOids` (an AUTH key where a signing key is asked for, or the
 * reverse). `product: 'kaztoken'` answers the client's KAZTOKEN probe (`kz.digiflow.mobile.extensions`
 * `getVersion`) as KAZTOKEN mobile/desktop does, `{ code: '200', responseObject: { name, version } }`;
 * NCALayer answers it, like any module it lacks, the commonUtils-style `{ code: '500', message }`.
 * `down()` closes the port (NCALayer not running), `up()` reopens it.
 */
export interface FakeNcaLayer {
  url: string;
  mode: 'sign' | 'cancel' | 'wrong-key' | 'fail';
  product: 'ncalayer' | 'kaztoken';
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
    product: 'ncalayer',
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
        if (req.module === 'kz.digiflow.mobile.extensions' && req.method === 'getVersion' && fake.product === 'kaztoken') {
          return ws.send(JSON.stringify({ code: '200', responseObject: { name: 'KAZTOKENdesktop', version: '1.2.758.648' } }));
        }
        if (req.module !== 'kz.gov.pki.knca.basics' || req.method !== 'sign') {
          return ws.send(JSON.stringify({ code: '500', message: `java.lang.ClassNotFoundException: ${req.module}` }));
        }
        if (fake.mode === 'cancel') return ws.send(JSON.stringify({ status: true, body: {} }));
        const wanted = ((req.args as { signerParams?: { extKeyUsageOids?: string[] } }).signerParams?.extKeyUsageOids ?? []);
        const keyUsages = fake.key?.cert.getExtension(ExtendedKeyUsageExtension)?.usages.map(String) ?? [];
        if (fake.mode === 'wrong-key' || (fake.key && wanted.length && !wanted.every((oid) => keyUsages.includes(oid)))) {
          return ws.send(JSON.stringify({ status: false, code: 'EMPTY_KEY_LIST', message: 'No suitable key found in the storage', details: `extKeyUsageOids: ${wanted.join(', ')}` }));
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
