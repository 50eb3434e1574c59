import type http from 'node:http';
import { DomainError } from '@aleumet/core';
import { readBody, sendJson } from '@aleumet/http-kit';
import type { ApiKeys } from './api-keys.js';
import { createLogger } from '@aleumet/observability';

const logger = createLogger('gateway');

const MAX_BODY = 16 * 1024;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) at `POST /oauth/token`: the API key is the client
 * secret (form field `client_secret`, or HTTP Basic with any user name). Answers a short-lived
 * platform JWT with the client's scopes: `{ access_token, token_type: "Bearer", expires_in, scope }`.
 */
export function clientCredentials(keys: ApiKeys, { ttlSeconds, rateLimit }: { ttlSeconds: number; rateLimit: (clientKey: string, perMinute?: number | null) => void }) {
  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const fail = (status: number, error: string, description: string, headers: Record<string, string> = {}) => {
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      sendJson(res, status, { error, error_description: description });
    };
    res.setHeader('cache-control', 'no-store');
    if (req.method !== 'POST') return fail(405, 'invalid_request', 'Use POST');
    let params: Record<string, string>;
    try {
      const raw = (await readBody(req, MAX_BODY)).toString('utf8');
      const type = req.headers['content-type'] ?? '';
      params = type.includes('application/json') ? (JSON.parse(raw) as Record<string, string>) : Object.fromEntries(new URLSearchParams(raw));
    } catch {
      return fail(400, 'invalid_request', 'Body must be form-encoded or JSON, at most 16 KB');
    }
    if (params.grant_type !== 'client_credentials') return fail(400, 'unsupported_grant_type', 'Only client_credentials is supported');
    let secret = params.client_secret;
    const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!secret && basic) secret = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':').slice(1).join(':');
    if (!secret) return fail(401, 'invalid_client', 'Give the API key as client_secret', { 'www-authenticate': 'Basic realm="aleumet"' });
    try {
      const principal = await keys.fromKey(secret);
      rateLimit(`client:${principal.client.id}`, principal.client.rateLimitPerMinute);
      const { signToken } = await import('@aleumet/core');
      const token = await signToken(principal.identity, `${ttlSeconds}s`);
      sendJson(res, 200, { access_token: token, token_type: 'Bearer', expires_in: ttlSeconds, scope: principal.identity.scopes.join(' ') });
    } catch (e) {
      if (e instanceof DomainError && e.extensions.code === 'RATE_LIMITED') {
        return fail(429, 'slow_down', e.message, { 'retry-after': String(e.extensions.retryAfterSeconds) });
      }
      if (e instanceof DomainError && e.extensions.code === 'UNAUTHENTICATED') return fail(401, 'invalid_client', e.message);
      logger.error({ err: e }, 'token endpoint failed');
      return fail(500, 'server_error', 'Internal error');
    }
  };
}
