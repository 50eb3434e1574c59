import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config.js';

const defaults = { defaultSupergraph: '/repo/schema/supergraph.graphql', defaultWebDir: '/repo/web/dist' };
const SUPERGRAPH = `
enum join__Graph {
  PRODUCT_CATALOG @join__graph(name: "product-catalog", url: "http://a/graphql")
  REVIEWS @join__graph(name: "reviews", url: "http://b/graphql")
}`;

function dirWith(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'aleumet-gw-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('gateway CLI configuration', () => {
  it('has safe defaults: jwt auth, loopback, hot reload on, our web app only with our supergraph', () => {
    const c = loadConfig([], {}, defaults);
    expect(c).toMatchObject({ supergraphPath: defaults.defaultSupergraph, port: 4000, host: '127.0.0.1', auth: 'jwt', watchSupergraph: true, webDir: defaults.defaultWebDir });
    const other = loadConfig(['--supergraph', '/elsewhere/s.graphql'], {}, defaults);
    expect(other !== 'help' && other.webDir).toBeUndefined();
  });

  it('takes flags over environment over file; file paths are relative to the file', () => {
    const dir = dirWith({
      'gw.json': JSON.stringify({ supergraph: 's.graphql', port: 1111, host: '0.0.0.0', auth: 'none', limits: { maxDepth: 5, maxAliases: 9 }, timeouts: { subgraphMs: 700 } }),
      's.graphql': SUPERGRAPH,
    });
    const c = loadConfig(['--config', path.join(dir, 'gw.json'), '--port', '3333', '--max-depth', '7'], { PORT: '2222', HOST: '10.0.0.1', GATEWAY_SUBGRAPH_TIMEOUT_MS: '900' }, defaults);
    expect(c).toMatchObject({
      supergraphPath: path.join(dir, 's.graphql'),
      port: 3333,
      host: '10.0.0.1',
      auth: 'none',
      subgraphTimeoutMs: 900,
      limits: { maxDepth: 7, maxAliases: 9 },
    });
  });

  it('matches SUBGRAPH_<NAME>_URL to subgraph names with dashes; flags win', () => {
    const dir = dirWith({ 's.graphql': SUPERGRAPH, 'gw.yaml': 'subgraphs:\n  reviews: http://from-file/graphql\n' });
    const c = loadConfig(
      ['--supergraph', path.join(dir, 's.graphql'), '--config', path.join(dir, 'gw.yaml'), '--subgraph', 'reviews=http://from-flag/graphql'],
      { SUBGRAPH_PRODUCT_CATALOG_URL: 'http://from-env/graphql', SUBGRAPH_REVIEWS_URL: 'http://env-loses/graphql' },
      defaults,
    );
    expect(c !== 'help' && c.subgraphUrls).toEqual({ 'product-catalog': 'http://from-env/graphql', reviews: 'http://from-flag/graphql' });
  });

  it('finds the config file by GATEWAY_CONFIG; --config wins; a value in the file alone applies', () => {
    const dir = dirWith({ 'env.yaml': 'auth: none\nport: 1111\nforwardHeaders: [x-request-id]\n', 'flag.json': JSON.stringify({ port: 2222 }) });
    const byEnv = loadConfig([], { GATEWAY_CONFIG: path.join(dir, 'env.yaml') }, defaults);
    expect(byEnv).toMatchObject({ auth: 'none', port: 1111, forwardHeaders: ['x-request-id'] });
    const byFlag = loadConfig(['--config', path.join(dir, 'flag.json')], { GATEWAY_CONFIG: path.join(dir, 'env.yaml') }, defaults);
    expect(byFlag).toMatchObject({ auth: 'jwt', port: 2222 });
    // Environment over file for the auth mode and the header list too.
    const envWins = loadConfig([], { GATEWAY_CONFIG: path.join(dir, 'env.yaml'), GATEWAY_AUTH: 'jwt', GATEWAY_FORWARD_HEADERS: 'x-a, x-b' }, defaults);
    expect(envWins).toMatchObject({ auth: 'jwt', port: 1111, forwardHeaders: ['x-a', 'x-b'] });
  });

  it('takes the platform database for API keys and audit from --database-url, GATEWAY_DATABASE_URL or the file, never from DATABASE_URL', () => {
    const dir = dirWith({ 'gw.json': JSON.stringify({ databaseUrl: 'postgres://file/db' }) });
    expect(loadConfig([], { DATABASE_URL: 'postgres://platform/db' }, defaults)).not.toHaveProperty('security');
    expect(loadConfig(['--config', path.join(dir, 'gw.json')], {}, defaults)).toMatchObject({ security: { databaseUrl: 'postgres://file/db' } });
    expect(loadConfig(['--config', path.join(dir, 'gw.json')], { GATEWAY_DATABASE_URL: 'postgres://env/db' }, defaults)).toMatchObject({ security: { databaseUrl: 'postgres://env/db' } });
    expect(loadConfig(['--database-url', 'postgresql://flag/db'], { GATEWAY_DATABASE_URL: 'postgres://env/db' }, defaults)).toMatchObject({ security: { databaseUrl: 'postgresql://flag/db' } });
    expect(() => loadConfig(['--database-url', 'mysql://x/db'], {}, defaults)).toThrow(/postgres:\/\//);
  });

  it('keeps the entity cache on with a database unless --entity-cache false or GATEWAY_ENTITY_CACHE=false', () => {
    // The cache has its own configuration: the same database, given to it, not read from the security options.
    expect(loadConfig(['--database-url', 'postgres://x/db'], {}, defaults)).toMatchObject({ entityCache: { databaseUrl: 'postgres://x/db' } });
    expect(loadConfig(['--database-url', 'postgres://x/db', '--entity-cache', 'false'], {}, defaults)).toMatchObject({ entityCache: false });
    expect(loadConfig(['--database-url', 'postgres://x/db'], { GATEWAY_ENTITY_CACHE: '0' }, defaults)).toMatchObject({ entityCache: false });
    expect(loadConfig(['--entity-cache', 'true'], { GATEWAY_ENTITY_CACHE: 'false' }, defaults)).not.toHaveProperty('entityCache');
    expect(() => loadConfig(['--entity-cache', 'sometimes'], {}, defaults)).toThrow(/entityCache/);
  });

  it('takes trusted proxies from --trusted-proxy, GATEWAY_TRUSTED_PROXIES or the file, and refuses what is none', () => {
    const dir = dirWith({ 'gw.yaml': 'trustedProxies: [web, 10.0.0.0/8]\n' });
    expect(loadConfig([], {}, defaults)).not.toHaveProperty('security');
    expect(loadConfig(['--config', path.join(dir, 'gw.yaml')], {}, defaults)).toMatchObject({ security: { trustedProxies: ['web', '10.0.0.0/8'] } });
    expect(loadConfig(['--config', path.join(dir, 'gw.yaml')], { GATEWAY_TRUSTED_PROXIES: '127.0.0.1, fd00::/8' }, defaults)).toMatchObject({ security: { trustedProxies: ['127.0.0.1', 'fd00::/8'] } });
    expect(loadConfig(['--trusted-proxy', 'nginx', '--trusted-proxy', '::1', '--database-url', 'postgres://x/db'], { GATEWAY_TRUSTED_PROXIES: 'web' }, defaults))
      .toMatchObject({ security: { trustedProxies: ['nginx', '::1'], databaseUrl: 'postgres://x/db' } });
    expect(() => loadConfig(['--trusted-proxy', '10.0.0.0/40'], {}, defaults)).toThrow(/trustedProxies.*IP address, a CIDR or a host name/s);
    expect(() => loadConfig([], { GATEWAY_TRUSTED_PROXIES: 'http://web' }, defaults)).toThrow(/trustedProxies/);
  });

  it('refuses bad values with the reason', () => {
    expect(() => loadConfig(['--auth', 'open'], {}, defaults)).toThrow(ConfigError);
    expect(() => loadConfig(['--port', '70000'], {}, defaults)).toThrow(/port/);
    expect(() => loadConfig(['--subgraph', 'nourl'], {}, defaults)).toThrow(/name>=<url/);
    expect(() => loadConfig(['--bogus'], {}, defaults)).toThrow(ConfigError);
    expect(() => loadConfig(['--auth', 'none'], { NODE_ENV: 'production' }, defaults)).toThrow(/development only/);
    const dir = dirWith({ 'gw.json': JSON.stringify({ limts: {} }) });
    expect(() => loadConfig(['--config', path.join(dir, 'gw.json')], {}, defaults)).toThrow(/limts|Unrecognized/i);
  });
});
