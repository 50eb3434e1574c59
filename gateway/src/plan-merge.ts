import type { FetchNode, PlanNode, QueryPlan } from './apollo-internals.js';

/**
 * Fewer subgraph requests per operation, part one (part two is `batchEntities` in transport.ts): an entity
 * fetch that runs in parallel with a branch which later fetches from the same subgraph at the same path waits
 * for that step and runs beside it, so the transport sends both as one request (each with its own
 * representations and selections, as two aliased `_entities` fields: the same answers and errors as before).
 *
 *   Parallel { Flatten(p) Fetch(S, a),  Sequence { Flatten(p) Fetch(T), Flatten(p) Fetch(S, b) } }
 *   → Parallel { Sequence { Flatten(p) Fetch(T), Parallel { Flatten(p) Fetch(S, b), Flatten(p) Fetch(S, a) } } }
 *
 * Nothing inside the Parallel can depend on the moved fetch, and the Parallel ends no earlier than that branch
 * did, so neither the data any fetch sees nor the time the plan takes changes (what @apollo/gateway 2.14 plans
 * for a `@requires` beside another field of the same subgraph, e.g. bench/src/federation-serve.ts).
 */
export function mergeSameSubgraphFetches(plan: QueryPlan): QueryPlan {
  if (!plan.node || plan.node.kind === 'Subscription') return plan;
  let changed = false;
  const entityFetch = (n: PlanNode): { path: string; service: string } | null =>
    n.kind === 'Flatten' && n.node.kind === 'Fetch' && (n.node as FetchNode).requires ? { path: n.path.join('.'), service: (n.node as FetchNode).serviceName } : null;
  const walk = (node: PlanNode): PlanNode => {
    switch (node.kind) {
      case 'Flatten':
        return { ...node, node: walk(node.node) };
      case 'Sequence':
        return { ...node, nodes: node.nodes.map(walk) };
      case 'Parallel': {
        let nodes = node.nodes.map(walk);
        for (let i = 0; i < nodes.length; i++) {
          const moving = entityFetch(nodes[i]!);
          if (!moving) continue;
          for (let j = 0; j < nodes.length; j++) {
            const branch = nodes[j]!;
            if (j === i || branch.kind !== 'Sequence') continue;
            const k = branch.nodes.findIndex((step, at) => at > 0 && [step, ...(step.kind === 'Parallel' ? step.nodes : [])].some((n) => {
              const f = entityFetch(n);
              return f?.path === moving.path && f.service === moving.service;
            }));
            if (k < 0) continue;
            const step = branch.nodes[k]!;
            const joined: PlanNode = step.kind === 'Parallel' ? { ...step, nodes: [...step.nodes, nodes[i]!] } : { kind: 'Parallel', nodes: [step, nodes[i]!] };
            const updated: PlanNode = { ...branch, nodes: branch.nodes.map((s, at) => (at === k ? joined : s)) };
            nodes = nodes.flatMap((n, at) => (at === i ? [] : at === j ? [updated] : [n]));
            changed = true;
            i = -1;
            break;
          }
        }
        return nodes.length === 1 ? nodes[0]! : { ...node, nodes };
      }
      default:
        return node;
    }
  };
  const node = walk(plan.node);
  return changed ? { ...plan, node } : plan;
}
