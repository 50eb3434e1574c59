// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNcaLayer, startTestPki, type FakeNcaLayer, type TestPki } from '@aleumet/testkit/nca';
import { NcaVerifier, configFromEnv } from '@aleumet/signing';
import { NcaLayerSigner, SignerError } from './signer.js';

/** The web signer against a fake NCALayer on loopback that answers the protocol ncalayer-js-client speaks. */
const IIN = '900101300012';
let pki: TestPki;
let ncaLayer: FakeNcaLayer;

beforeAll(async () => {
  pki = await startTestPki();
  ncaLayer = await startFakeNcaLayer(pki);
}, 60_000);
afterAll(async () => {
  await ncaLayer?.close();
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
    ncaLayer.key = await pki.issue({ iin: IIN, purpose: 'AUTH' });
    ncaLayer.mode = 'sign';
    ncaLayer.requests.length = 0;
    const signed = await new NcaLayerSigner(ncaLayer.url).sign(IIN, doc, 'auth');
    expect(signed.certificatePem).toBe('');
    const sign = ncaLayer.requests.find((r) => r.module === 'kz.gov.pki.knca.basics')!;
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

    ncaLayer.key = await pki.issue({ iin: IIN, purpose: 'SIGN' });
    ncaLayer.requests.length = 0;
    const order = await new NcaLayerSigner(ncaLayer.url).sign(IIN, '{"order":1}');
    expect((ncaLayer.requests.find((r) => r.module === 'kz.gov.pki.knca.basics') as { args: { signerParams: unknown } }).args.signerParams).toEqual({ extKeyUsageOids: ['1.3.6.1.5.5.7.3.4'] });
    expect((await verifier.verify(order.signature, { data: new TextEncoder().encode('{"order":1}'), purpose: 'SIGN' })).identity.purposes).toEqual(['SIGN']);
  });

  it('tells not running, cancelled, wrong key and other failures apart', async () => {
    await ncaLayer.down();
    expect(await failure(new NcaLayerSigner(ncaLayer.url).sign(IIN, '{}'))).toBe('NCALAYER_NOT_RUNNING');
    await ncaLayer.up();
    ncaLayer.mode = 'cancel';
    expect(await failure(new NcaLayerSigner(ncaLayer.url).sign(IIN, '{}'))).toBe('CANCELLED');
    ncaLayer.mode = 'wrong-key';
    expect(await failure(new NcaLayerSigner(ncaLayer.url).sign(IIN, '{}'))).toBe('WRONG_KEY');
    ncaLayer.mode = 'fail';
    expect(await failure(new NcaLayerSigner(ncaLayer.url).sign(IIN, '{}'))).toBe('NCALAYER_FAILED');
  });
});
