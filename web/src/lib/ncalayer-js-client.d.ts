/** Types for the parts of ncalayer-js-client (CommonJS, untyped) the signer uses. */
declare module 'ncalayer-js-client' {
  export class NCALayerError extends Error {
    canceledByUser?: boolean;
  }
  export class NCALayerClient {
    constructor(url?: string, allowKmdHttpApi?: boolean);
    wsConnection: WebSocket | null;
    connect(): Promise<string>;
    basicsSignCMS(allowedStorages: string[] | null, data: string | ArrayBuffer, signingParams: object, signerParams: object, locale?: string): Promise<string>;
    static readonly basicsStorageAll: null;
    static readonly basicsCMSParamsDetached: object;
    static readonly basicsSignerSignAny: { extKeyUsageOids: string[] };
    static readonly basicsSignerAuthAny: { extKeyUsageOids: string[] };
  }
}
