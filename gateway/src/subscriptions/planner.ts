import { Kind, OperationTypeNode, getOperationAST, print, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { QueryPlanner, Supergraph, buildOperationContext, operationFromDocument, type FetchNode, type PlanNode, type Schema } from '../apollo-internals.js';
import { fixQueryPlan, supergraphFacts, type SupergraphFacts } from '../plan-fixes.js';

type OperationContext = ReturnType<typeof buildOperationContext>;

/** Response key under which the gateway asks the owning subgraph for the event cursor. */
export const CURSOR_KEY = '_gatewayCursor';
/** Variable through which the gateway passes `since` to the owning subgraph (updated on resume). */
export const SINCE_VAR = '_gatewaySince';

export interface SubscriptionPlan {
  /** For result shaping: the caller's operation, as written. */
  operationContext: OperationContext;
  /** The fetch that opens the subscription on the owning subgraph. */
  primary: FetchNode;
  /** What the other subgraphs contribute, run per event. */
  rest?: PlanNode;
  /** Response key of the root field (alias or name). */
  rootKey: string;
  /** Whether the root field is resumable (`since` argument and `cursor` field). */
  resumable: boolean;
  /** The `since` the caller gave: a literal, or the name of the variable holding it. */
  since?: { literal: string } | { variable: string };
}

/** The supergraph as the subscription engine sees it: API schema, planner, subgraph URLs. */
export class SubscriptionPlanner {
  readonly apiSchema: Schema;
  readonly schema: GraphQLSchema;
  readonly supergraphSchema: GraphQLSchema;
  readonly subgraphUrls: Map<string, string>;
  private readonly planner: QueryPlanner;
  private readonly facts: SupergraphFacts;
  private readonly cache = new Map<string, SubscriptionPlan>();

  constructor(supergraphSdl: string) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.apiSchema = supergraph.apiSchema();
    this.schema = this.apiSchema.toGraphQLJSSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
    this.facts = supergraphFacts(supergraphSdl);
    this.subgraphUrls = new Map(supergraph.subgraphs().values().map((s) => [s.name, s.url] as [string, string]));
  }

  /** Plans (and caches) one subscription operation; throws on anything that is not a single-root subscription. */
  plan(document: DocumentNode, operationName?: string | null): SubscriptionPlan {
    const key = `${operationName ?? ''}\n${print(document)}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const op = getOperationAST(document, operationName ?? undefined);
    if (!op || op.operation !== OperationTypeNode.SUBSCRIPTION) throw new Error('Not a subscription operation');
    const roots = op.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value !== '__typename');
    if (roots.length !== 1) throw new Error('A subscription selects exactly one root field');
    const root = roots[0]!;
    const fieldDef = this.schema.getSubscriptionType()?.getFields()[root.name.value];
    if (!fieldDef) throw new Error(`Unknown subscription field ${root.name.value}`);
    const returnType = fieldDef.type;
    const named = 'ofType' in returnType ? (returnType.ofType as { getFields?: () => Record<string, unknown> }) : (returnType as { getFields?: () => Record<string, unknown> });
    const resumable = fieldDef.args.some((a) => a.name === 'since') && Boolean(named.getFields?.().cursor);

    let since: SubscriptionPlan['since'];
    let planned: DocumentNode = document;
    if (resumable) {
      const arg = root.arguments?.find((a) => a.name.value === 'since');
      if (arg?.value.kind === Kind.STRING) since = { literal: arg.value.value };
      else if (arg?.value.kind === Kind.VARIABLE) since = { variable: arg.value.name.value };
      planned = withCursorAndSince(document, op, root);
    }
    const plannedOp = getOperationAST(planned, operationName ?? undefined)!;
    const operation = operationFromDocument(this.apiSchema, { kind: Kind.DOCUMENT, definitions: [plannedOp, ...planned.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] }, {});
    const queryPlan = this.planner.buildQueryPlan(operation);
    const node = queryPlan.node;
    if (!node || node.kind !== 'Subscription') throw new Error('The query planner produced no subscription plan');
    if (node.rest) {
      // The same plan corrections as queries get (plan-fixes.ts): the primary fetch first, then the rest.
      const fixed = fixQueryPlan({ kind: 'QueryPlan', node: { kind: 'Sequence', nodes: [node.primary, node.rest] } }, this.facts).node;
      if (fixed?.kind === 'Sequence' && fixed.nodes[0]?.kind === 'Fetch') {
        node.primary = fixed.nodes[0];
        node.rest = fixed.nodes.length === 2 ? fixed.nodes[1] : { kind: 'Sequence', nodes: fixed.nodes.slice(1) };
      }
    }
    const plan: SubscriptionPlan = {
      operationContext: buildOperationContext({ schema: this.schema, operationDocument: document, operationName: operationName ?? undefined }),
      primary: node.primary,
      rest: node.rest,
      rootKey: root.alias?.value ?? root.name.value,
      resumable,
      since,
    };
    if (this.cache.size > 500) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, plan);
    return plan;
  }
}

/**
 * The operation sent to the owning subgraph also asks for the event cursor and takes `since`
 * from a gateway variable, so the gateway can resume after the subgraph restarts.
 */
function withCursorAndSince(document: DocumentNode, op: OperationDefinitionNode, root: FieldNode): DocumentNode {
  return visit(document, {
    OperationDefinition(node) {
      if (node !== op) return undefined;
      return {
        ...node,
        variableDefinitions: [
          ...(node.variableDefinitions ?? []),
          {
            kind: Kind.VARIABLE_DEFINITION,
            variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: SINCE_VAR } },
            type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'String' } },
          },
        ],
      };
    },
    Field(node) {
      if (node !== root) return undefined;
      return {
        ...node,
        arguments: [
          ...(node.arguments ?? []).filter((a) => a.name.value !== 'since'),
          { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'since' }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: SINCE_VAR } } },
        ],
        selectionSet: node.selectionSet && {
          ...node.selectionSet,
          selections: [
            ...node.selectionSet.selections,
            { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: CURSOR_KEY }, name: { kind: Kind.NAME, value: 'cursor' } },
          ],
        },
      };
    },
  });
}
