import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, DEFAULT_PORTS } from '@aleumet/platform';

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
  });

  it('builds from Dockerfile stages that exist', () => {
    for (const s of Object.values(services)) {
      if (s.build) expect(dockerfile).toMatch(new RegExp(`^FROM .* AS ${s.build.target}$`, 'm'));
    }
    expect(existsSync(path.join(ROOT, 'deploy/nginx.conf'))).toBe(true);
  });
});
