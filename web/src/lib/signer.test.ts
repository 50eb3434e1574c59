// @vitest-environment node
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { cmsSign, startTestPki, type TestCertificate, type TestPki } from '@aleumet/testkit';
import { NcaVerifier, configFromEnv } from '@aleumet/signing';
import { NcaLayerSigner, SignerError } from './signer.js';

/**
 * The web signer against a fake NCALayer on loopback that answers the protocol ncalayer-js-client
 * speaks: a version greeting on connect, then JSON requests `{ module, method, args }`; the
 * `kz.gov.pki.knca.basics` `sign` answer is `{ status: true, body: { result: [cms] } }`, an empty
 * body when the person cancels, `{ status: false, code, message, details }` on failure; the
 * commonUtils-style `{ code: '500', message }` answers modules it does not have.
 */
const IIN = '900101300012';
let pki: TestPki;
let server: WebSocketServer;
let url: string;
let mode: 'sign' | 'cancel' | 'wrong-key' | 'fail' = 'sign';
let key: TestCertificate;
const requests: Record<string, unknown>[] = [];

beforeAll(async () => {
  pki = await startTestPki();
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  server.on('connection', (ws: WebSocket) => {
    ws.send(JSON.stringify({ result: { version: '1.4' } }));
    ws.on('message', (raw) => {
      void (async () => {
        const req = JSON.parse(raw.toString()) as { module: string; method: string; args: { data: string } };
        requests.push(req);
        if (req.module !== 'kz.gov.pki.knca.basics' || req.method !== 'sign') {
          return ws.send(JSON.stringify({ code: '500', message: `java.lang.ClassNotFoundException: ${req.module}` }));
        }
        if (mode === 'cancel') return ws.send(JSON.stringify({ status: true, body: {} }));
        if (mode === 'wrong-key') {
          return ws.send(JSON.stringify({ status: false, code: 'SIGNER_ERROR', message: 'No suitable key', details: 'no certificate with the required key usage' }));
        }
        if (mode === 'fail') return ws.send(JSON.stringify({ status: false, code: 'INVOCATION_ERROR', message: 'An invoked method threw an exception.', details: 'x' }));
        const cms = await cmsSign(key, new Uint8Array(Buffer.from(req.args.data, 'base64')), { chain: [pki.intermediate] });
        ws.send(JSON.stringify({ status: true, body: { result: [`-----BEGIN CMS-----\n${cms.replace(/.{64}/g, '$&\n')}\n-----END CMS-----\n`] } }));
      })();
    });
  });
}, 60_000);
afterAll(async () => {
  server?.close();
  await pki?.close();
});

const failure = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    return e instanceof SignerError ? e.code : `unexpected: ${String(e)}`;
  }
};

describe('NCALayer signer', () => {
  it("asks NCALayer for a detached CMS with the key kind the purpose needs, and the server accepts it", async () => {
    const doc = '{"purpose":"sign-in","iin":"900101300012","nonce":"n","expiresAt":"x"}';
    key = await pki.issue({ iin: IIN, purpose: 'AUTH' });
    mode = 'sign';
    requests.length = 0;
    const signed = await new NcaLayerSigner(url).sign(IIN, doc, 'auth');
    expect(signed.certificatePem).toBe('');
    const sign = requests.find((r) => r.module === 'kz.gov.pki.knca.basics') as { args: Record<string, unknown> };
    expect(sign.args).toEqual({
      allowedStorages: null,
      format: 'cms',
      data: Buffer.from(doc).toString('base64'),
      signingParams: { decode: true, encapsulate: false, digested: false, tsaProfile: {} },
      signerParams: { extKeyUsageOids: ['1.3.6.1.5.5.7.3.2'] },
      locale: 'ru',
    });
    const verifier = new NcaVerifier({ ...configFromEnv({}), onRevocationUnavailable: 'refuse' }, { anchors: [pki.root.cert] });
    const v = await verifier.verify(signed.signature, { data: new TextEncoder().encode(doc), purpose: 'AUTH', expectedIin: IIN });
    expect(v.identity.iin).toBe(IIN);

    key = await pki.issue({ iin: IIN, purpose: 'SIGN' });
    requests.length = 0;
    const order = await new NcaLayerSigner(url).sign(IIN, '{"order":1}');
    expect((requests.find((r) => r.module === 'kz.gov.pki.knca.basics') as { args: { signerParams: unknown } }).args.signerParams).toEqual({ extKeyUsageOids: ['1.3.6.1.5.5.7.3.4'] });
    expect((await verifier.verify(order.signature, { data: new TextEncoder().encode('{"order":1}'), purpose: 'SIGN' })).identity.purposes).toEqual(['SIGN']);
  });

  it('tells not running, cancelled, wrong key and other failures apart', async () => {
    const closed = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => closed.once('listening', r));
    const deadUrl = `ws://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((r) => closed.close(r));
    expect(await failure(new NcaLayerSigner(deadUrl).sign(IIN, '{}'))).toBe('NCALAYER_NOT_RUNNING');
    mode = 'cancel';
    expect(await failure(new NcaLayerSigner(url).sign(IIN, '{}'))).toBe('CANCELLED');
    mode = 'wrong-key';
    expect(await failure(new NcaLayerSigner(url).sign(IIN, '{}'))).toBe('WRONG_KEY');
    mode = 'fail';
    expect(await failure(new NcaLayerSigner(url).sign(IIN, '{}'))).toBe('NCALAYER_FAILED');
  });
});
