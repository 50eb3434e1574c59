import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parseAllDocuments, parse } from 'yaml';
import { DEFAULT_PORTS, ROOT } from '@aleumet/platform';
import { GATEWAY_NODE_OPTIONS } from '@aleumet/gateway';

/**
 * deploy/ is checked offline (no cluster, no Prometheus here): the Kubernetes manifests against a bundled
 * schema of the API kinds they use, and against what the code serves (ports, /health, commands, secrets);
 * the dashboard and the alert rules name only metrics the code exports, and docs/operations.md explains
 * every metric and every alert.
 */
const K8S = path.join(ROOT, 'deploy/k8s');
const schema = JSON.parse(readFileSync(path.join(K8S, 'schema/kubernetes-subset.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const validators = Object.fromEntries(Object.entries(schema.definitions as Record<string, object>).map(([k, s]) => [k, ajv.compile(s)]));

interface Doc { file: string; apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; spec?: any; stringData?: Record<string, string> }
const docs: Doc[] = readdirSync(K8S).filter((f) => f.endsWith('.yaml')).sort().flatMap((file) =>
  parseAllDocuments(readFileSync(path.join(K8S, file), 'utf8')).map((d) => ({ file, ...(d.toJSON() as Omit<Doc, 'file'>) })),
);
const of = (kind: string) => docs.filter((d) => d.kind === kind);
const SUBGRAPHS = Object.keys(DEFAULT_PORTS);
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) => Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('deploy/k8s', () => {
  it('every manifest is a known kind and passes the bundled schema (unknown fields refused)', () => {
    expect(docs.length).toBeGreaterThan(20);
    for (const d of docs) {
      const { file, ...manifest } = d;
      const validate = validators[`${d.apiVersion}/${d.kind}`];
      expect(validate, `${file}: ${d.apiVersion} ${d.kind} is not in the bundled schema`).toBeDefined();
      expect(validate!(manifest) ? [] : validate!.errors, `${file}: ${d.kind} ${d.metadata?.name}`).toEqual([]);
      if (d.kind !== 'Namespace') expect(d.metadata.namespace, `${file}: ${d.metadata.name}`).toBe('aleumet');
    }
  });

  it('runs the gateway and each subgraph with readiness and liveness on /health of its own port, resources, rolling updates without downtime', () => {
    const deployments = of('Deployment');
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(['gateway', ...SUBGRAPHS].sort());
    for (const d of deployments) {
      const name = d.metadata.name;
      const port = name === 'gateway' ? 4000 : DEFAULT_PORTS[name as keyof typeof DEFAULT_PORTS];
      expect(matches(d.spec.selector.matchLabels, d.spec.template.metadata.labels), name).toBe(true);
      expect(d.spec.replicas, name).toBeGreaterThanOrEqual(2);
      expect(d.spec.strategy.rollingUpdate.maxUnavailable, name).toBe(0);
      const [c] = d.spec.template.spec.containers;
      for (const probe of ['readinessProbe', 'livenessProbe']) expect(c[probe].httpGet, `${name} ${probe}`).toEqual({ path: '/health', port });
      expect(c.ports.map((p: any) => p.containerPort)).toContain(port);
      expect(c.resources.requests.cpu && c.resources.requests.memory && c.resources.limits.cpu && c.resources.limits.memory, name).toBeTruthy();
      const env = Object.fromEntries(c.env.map((e: any) => [e.name, e]));
      expect(env.PORT.value, name).toBe(String(port));
      expect(env.NODE_ENV.value).toBe('production');
      // The command runs a built entry point of this repository.
      const main = c.command[1] as string;
      expect(existsSync(path.join(ROOT, main.replace('/dist/', '/src/').replace(/\.js$/, '.ts'))) || existsSync(path.join(ROOT, main.replace('/dist/', '/').replace(/\.js$/, '.ts'))), `${name}: ${main}`).toBe(true);
      // Secrets come from Secrets, never as values.
      for (const secret of ['JWT_SECRET', 'INTERNAL_SECRET']) expect(env[secret].valueFrom.secretKeyRef, `${name} ${secret}`).toBeDefined();
      expect((env.DATABASE_URL ?? env.GATEWAY_DATABASE_URL).valueFrom.secretKeyRef, name).toBeDefined();
    }
    // The gateway's metrics on a port of their own.
    const gateway = deployments.find((d) => d.metadata.name === 'gateway')!.spec.template.spec.containers[0];
    expect(gateway.env.find((e: any) => e.name === 'GATEWAY_METRICS_PORT').value).toBe('9464');
    // The gateway's node options wherever it is started: here, compose.yaml and the package bin.
    expect(gateway.env.find((e: any) => e.name === 'NODE_OPTIONS').value).toBe(GATEWAY_NODE_OPTIONS);
    expect(parse(readFileSync(path.join(ROOT, 'compose.yaml'), 'utf8')).services.gateway.environment.NODE_OPTIONS).toBe(GATEWAY_NODE_OPTIONS);
    expect(readFileSync(path.join(ROOT, 'gateway/bin/aleumet-gateway.js'), 'utf8').split('\n')[0]).toBe(`#!/usr/bin/env -S node ${GATEWAY_NODE_OPTIONS}`);
    for (const name of SUBGRAPHS) expect(gateway.env.find((e: any) => e.name === `SUBGRAPH_${name.toUpperCase()}_URL`).value).toBe(`http://${name}:${DEFAULT_PORTS[name as keyof typeof DEFAULT_PORTS]}/graphql`);
  });

  it('every secret a Deployment reads is in the Secrets example', () => {
    const secrets = new Map(of('Secret').map((s) => [s.metadata.name, s.stringData ?? {}]));
    for (const d of of('Deployment')) {
      for (const e of d.spec.template.spec.containers[0].env) {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref) expect(secrets.get(ref.name), `${d.metadata.name}: ${ref.name}.${ref.key}`).toHaveProperty(ref.key);
      }
    }
  });

  it('scales each Deployment with a HorizontalPodAutoscaler and protects it with a PodDisruptionBudget', () => {
    for (const d of of('Deployment')) {
      const hpa = of('HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === d.metadata.name);
      expect(hpa, d.metadata.name).toBeDefined();
      expect(hpa!.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa!.spec.maxReplicas).toBeGreaterThan(hpa!.spec.minReplicas);
      const pdb = of('PodDisruptionBudget').find((p) => matches(p.spec.selector.matchLabels, d.spec.template.metadata.labels));
      expect(pdb?.spec.minAvailable, d.metadata.name).toBeGreaterThanOrEqual(1);
    }
  });

  it('lets only the gateway (and the subgraphs, for their commands) reach the subgraphs, and the ingress only the gateway', () => {
    const policies = of('NetworkPolicy');
    const deny = policies.find((p) => Object.keys(p.spec.podSelector).length === 0 && p.spec.policyTypes.includes('Ingress') && !p.spec.ingress);
    expect(deny, 'a default deny of ingress').toBeDefined();
    const pods = of('Deployment').map((d) => ({ name: d.metadata.name, labels: d.spec.template.metadata.labels as Record<string, string> }));
    /** Who may reach `target` on `port`: pod names in the namespace, and other namespaces by name. */
    const allowed = (target: string, port: number) => {
      const labels = pods.find((p) => p.name === target)!.labels;
      const from = { pods: new Set<string>(), namespaces: new Set<string>() };
      for (const p of policies) {
        if (!matches(p.spec.podSelector.matchLabels ?? {}, labels)) continue;
        for (const rule of p.spec.ingress ?? []) {
          if (rule.ports && !rule.ports.some((r: any) => r.port === port)) continue;
          for (const peer of rule.from ?? []) {
            expect(peer.ipBlock, `${p.metadata.name}: no address ranges`).toBeUndefined();
            if (peer.podSelector) pods.filter((q) => matches(peer.podSelector.matchLabels, q.labels)).forEach((q) => from.pods.add(q.name));
            if (peer.namespaceSelector) from.namespaces.add(peer.namespaceSelector.matchLabels['kubernetes.io/metadata.name']);
          }
        }
      }
      return { pods: [...from.pods].sort(), namespaces: [...from.namespaces].sort() };
    };
    for (const name of SUBGRAPHS) {
      expect(allowed(name, DEFAULT_PORTS[name as keyof typeof DEFAULT_PORTS]), name).toEqual({ pods: ['gateway', ...SUBGRAPHS].sort(), namespaces: ['monitoring'] });
    }
    expect(allowed('gateway', 4000)).toEqual({ pods: [], namespaces: ['ingress-nginx', 'monitoring'] });
    expect(allowed('gateway', 9464)).toEqual({ pods: [], namespaces: ['monitoring'] });
  });
});

describe('dashboard, alerts and docs', () => {
  const sources = ['packages/observability/src', 'packages/subgraph-kit/src', 'gateway/src', 'subgraphs/programs/domain'].flatMap((d) =>
    readdirSync(path.join(ROOT, d), { recursive: true }).filter((f) => String(f).endsWith('.ts')).map((f) => readFileSync(path.join(ROOT, d, String(f)), 'utf8')),
  ).join('\n');
  const exported = new Set([...sources.matchAll(/(?:gauge|counter|histogram)\('(aleumet_[a-z_]+)'/g)].map((m) => m[1]!));
  const named = (text: string) => new Set([...text.matchAll(/\b(aleumet_[a-z_]+?)(_bucket|_count|_sum)?\b/g)].map((m) => m[1]!).filter((n) => !n.startsWith('aleumet_process_')));
  const operations = readFileSync(path.join(ROOT, 'docs/operations.md'), 'utf8');

  it('the code exports the metrics the documentation lists, each explained in docs/operations.md', () => {
    expect(exported.size).toBeGreaterThanOrEqual(15);
    for (const m of exported) expect(operations, m).toContain(`\`${m}\``);
  });

  it('the Grafana dashboard and the alert rules name only exported metrics, and every alert is explained', () => {
    const dashboard = JSON.parse(readFileSync(path.join(ROOT, 'deploy/grafana/aleumet-dashboard.json'), 'utf8'));
    const exprs = dashboard.panels.flatMap((p: any) => p.targets.map((t: any) => t.expr as string)).join('\n');
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(10);
    for (const m of named(exprs)) expect(exported, `dashboard: ${m}`).toContain(m);
    const rules = parse(readFileSync(path.join(ROOT, 'deploy/prometheus/alerts.yml'), 'utf8')).groups.flatMap((g: any) => g.rules);
    expect(rules.length).toBeGreaterThanOrEqual(5);
    for (const r of rules) {
      for (const m of named(r.expr)) expect(exported, `${r.alert}: ${m}`).toContain(m);
      expect(operations, r.alert).toContain(`\`${r.alert}\``);
      expect(r.labels.severity).toMatch(/^(page|ticket|info)$/);
    }
  });
});
