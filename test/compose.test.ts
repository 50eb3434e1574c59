import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { ROOT, DEFAULT_PORTS } from '@aleumet/platform';
import { createRuntime, type SubgraphName } from '@aleumet/runtime';
import { usePlatform } from '@aleumet/platform/testing';
import { loadConfig } from '../gateway/src/config.js';

// No Docker engine runs here: keep compose.yaml true by checking it against the code.
const compose = parse(readFileSync(path.join(ROOT, 'compose.yaml'), 'utf8'), { merge: true });
const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
const services = compose.services as Record<string, any>;

describe('compose.yaml', () => {
  it('describes postgres, the five subgraphs, the gateway and the web app', () => {
    expect(Object.keys(services).sort()).toEqual(['catalog', 'finance', 'gateway', 'orders', 'people', 'postgres', 'programs', 'web']);
  });

  it('runs commands that the build produces, from sources that exist', () => {
    for (const name of [...Object.keys(DEFAULT_PORTS), 'gateway']) {
      const [bin, script] = services[name].command;
      expect(bin).toBe('node');
      // npm test runs tsc --build first, so the compiled entry point must be there
      expect(existsSync(path.join(ROOT, script)), `${name}: ${script}`).toBe(true);
      expect(existsSync(path.join(ROOT, script.replace('/dist/', '/').replace(/\.js$/, '.ts'))) || existsSync(path.join(ROOT, script.replace('/dist/', '/src/').replace(/\.js$/, '.ts')))).toBe(true);
    }
  });

  it('gives every service a health check and waits on healthy dependencies that exist', () => {
    for (const [name, s] of Object.entries(services)) {
      expect(s.healthcheck?.test, name).toBeTruthy();
      for (const [dep, cond] of Object.entries<any>(s.depends_on ?? {})) {
        expect(services[dep], `${name} depends on ${dep}`).toBeDefined();
        expect(cond.condition).toBe('service_healthy');
      }
    }
  });

  it('wires the gateway to each subgraph on the port that subgraph listens on', () => {
    for (const [name, port] of Object.entries(DEFAULT_PORTS)) {
      expect(services[name].environment.PORT).toBe(String(port));
      expect(services[name].environment.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(services.gateway.environment[`SUBGRAPH_${name.toUpperCase()}_URL`]).toBe(`http://${name}:${port}/graphql`);
    }
    // API keys and the audit trail live in the platform database (people schema): the gateway needs it too.
    expect(services.gateway.environment.GATEWAY_DATABASE_URL).toBe(services.people.environment.DATABASE_URL);
  });

  it('tells every subgraph where the other subgraphs are, under the names the code reads', () => {
    for (const name of Object.keys(DEFAULT_PORTS)) {
      const env = services[name].environment as Record<string, string>;
      try {
        for (const [k, v] of Object.entries(env)) vi.stubEnv(k, String(v));
        const peers = createRuntime().peers;
        for (const [peer, port] of Object.entries(DEFAULT_PORTS)) expect(peers.url(peer as SubgraphName), `${name} → ${peer}`).toBe(`http://${peer}:${port}/graphql`);
      } finally {
        vi.unstubAllEnvs();
      }
    }
  });

  it('keeps PostgreSQL and the subgraphs on an internal network that nginx and the outside cannot reach; only nginx publishes a port', () => {
    const networks = compose.networks as Record<string, { internal?: boolean } | null>;
    expect(networks.internal?.internal).toBe(true);
    const on = (name: string) => [...(services[name].networks ?? ['default'])].sort();
    for (const name of ['postgres', ...Object.keys(DEFAULT_PORTS)]) {
      expect(on(name), name).toEqual(['internal']);
      expect(services[name].ports, name).toBeUndefined();
    }
    // The gateway bridges the two networks; nginx (web) is only on the edge, so it reaches the gateway alone.
    expect(on('gateway')).toEqual(['edge', 'internal']);
    expect(services.gateway.ports).toBeUndefined();
    expect(on('web')).toEqual(['edge']);
    expect(networks.edge?.internal).not.toBe(true);
    expect(Object.entries(services).filter(([, s]) => s.ports).map(([name]) => name)).toEqual(['web']);
    const nginx = readFileSync(path.join(ROOT, 'deploy/nginx.conf'), 'utf8');
    expect([...nginx.matchAll(/proxy_pass\s+http:\/\/([\w-]+):(\d+)/g)].map((m) => `${m[1]}:${m[2]}`)).toEqual(['gateway:4000']);
  });

  it('gives the subgraphs that ask the state registries their endpoints and credentials, required (production refuses to start without them)', () => {
    for (const name of ['people', 'catalog']) {
      const env = services[name].environment as Record<string, string>;
      for (const prefix of ['PERSON_REGISTRY', 'PHONE_REGISTRY', 'LEGAL_ENTITY_REGISTRY']) {
        for (const suffix of ['URL', 'USERNAME', 'PASSWORD']) expect(env[`${prefix}_${suffix}`], `${name} ${prefix}_${suffix}`).toMatch(new RegExp(`^\\$\\{${prefix}_${suffix}:\\?.+\\}$`));
      }
    }
  });

  it('gives the gateway and every subgraph the internal secret and the JWT secret from the environment, required', () => {
    for (const name of [...Object.keys(DEFAULT_PORTS), 'gateway']) {
      const env = services[name].environment as Record<string, string>;
      expect(env.INTERNAL_SECRET, name).toMatch(/^\$\{INTERNAL_SECRET:\?.+\}$/);
      expect(env.JWT_SECRET, name).toMatch(/^\$\{JWT_SECRET:\?.+\}$/);
      expect(env.NODE_ENV, name).toBe('production');
    }
    for (const name of ['postgres', 'web']) expect(JSON.stringify(services[name].environment ?? {}), name).not.toContain('SECRET');
  });

  it('builds from Dockerfile stages that exist', () => {
    for (const s of Object.values(services)) {
      if (s.build) expect(dockerfile).toMatch(new RegExp(`^FROM .* AS ${s.build.target}$`, 'm'));
    }
    expect(existsSync(path.join(ROOT, 'deploy/nginx.conf'))).toBe(true);
  });

  it("passes the client's address through nginx, and the gateway believes it from nginx only", () => {
    const nginx = readFileSync(path.join(ROOT, 'deploy/nginx.conf'), 'utf8');
    const graphql = /location \/graphql \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
    expect(graphql).toMatch(/proxy_pass http:\/\/gateway:/);
    expect(graphql).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    // The trusted proxy is the web service (nginx), by its compose name, as the gateway CLI reads it.
    const env = services.gateway.environment as Record<string, string>;
    expect(env.GATEWAY_TRUSTED_PROXIES).toBe('web');
    expect(services.web.build.target).toBe('web');
    const config = loadConfig([], env, { defaultSupergraph: path.join(ROOT, 'schema/supergraph.graphql') });
    expect(config).toMatchObject({ security: { trustedProxies: ['web'] } });
  });
});

describe('compose.yaml health checks', () => {
  const t = usePlatform();
  const run = promisify(execFile);
  /** Runs a service's `CMD node -e …` health check as Docker would, with the service's PORT. */
  const check = (name: string, port: number) => {
    const [kind, bin, ...args] = services[name].healthcheck.test as string[];
    expect([kind, bin]).toEqual(['CMD', 'node']);
    return run(process.execPath, args, { env: { ...process.env, PORT: String(port) }, timeout: 10_000 }).then(() => 0, (e) => e.code as number);
  };

  it('pass against the running subgraphs and gateway, and fail when nothing answers', async () => {
    const port = (url: string) => Number(new URL(url).port);
    for (const [name, sub] of Object.entries(t.platform.subgraphs)) expect(await check(name, port(sub.url)), name).toBe(0);
    expect(await check('gateway', port(t.url))).toBe(0);
    // a port nobody listens on
    expect(await check('gateway', 1)).toBe(1);
  });
});
