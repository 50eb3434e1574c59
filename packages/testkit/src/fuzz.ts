import pg from 'pg';
import {
  buildClientSchema, getIntrospectionQuery, getNamedType, isCompositeType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType,
  type GraphQLArgument, type GraphQLField, type GraphQLInputField, type GraphQLInputType, type GraphQLSchema, type IntrospectionQuery,
} from 'graphql';
import { gql } from './graphql.js';

/** The API schema exactly as callers see it (introspection through the gateway: no @inaccessible internals). */
export async function apiSchema(url: string, token?: string): Promise<GraphQLSchema> {
  const res = await gql<IntrospectionQuery>(url, getIntrospectionQuery(), {}, token);
  if (!res.data) throw new Error(`introspection failed: ${JSON.stringify(res.errors)}`);
  return buildClientSchema(res.data);
}

/** A value that is wrong for an argument, and what it is. */
export interface MalformedCase {
  /** Dotted path inside the arguments: `input.places.0`. */
  path: string;
  label: string;
  value: unknown;
}

/** Longer than every text bound of the API (LIMITS.document is the largest), well under the 1 MB body limit. */
export const OVERLONG = 'x'.repeat(70_000);

type Leaf = { type: GraphQLInputType; name: string; description: string };

/**
 * Malformed values for one leaf, by its type and (for strings) what its name or description says
 * it holds: dates, months, times and region codes get impossible ones of their kind.
 */
function leafCases(leaf: Leaf): { label: string; value: unknown }[] {
  const required = isNonNullType(leaf.type);
  const named = getNamedType(leaf.type);
  const out: { label: string; value: unknown }[] = [];
  if (required) out.push({ label: 'null where required', value: null });
  if (isEnumType(named)) return [...out, { label: 'unknown enum value', value: 'NO_SUCH_VALUE' }, { label: 'wrong type', value: 1 }];
  if (isInputObjectType(named)) return [...out, { label: 'wrong type', value: 'not an object' }];
  if (!isScalarType(named)) return out;
  const text = `${leaf.name} ${leaf.description}`;
  switch (named.name) {
    case 'String':
    case 'ID':
      out.push({ label: 'wrong type', value: named.name === 'ID' ? true : 12345 });
      out.push({ label: 'over-long', value: OVERLONG });
      if (required) out.push({ label: 'empty', value: '' }, { label: 'blank', value: '   ' });
      if (named.name === 'ID') out.push({ label: 'malformed id', value: 'not-an-id' });
      if (/YYYY-MM-DD|(^|\b)(date|diedOn|issuedOn|validUntil)\b/i.test(text)) {
        out.push({ label: 'impossible date', value: '2026-11-31' }, { label: 'impossible date', value: '2026-13-45' }, { label: 'impossible date', value: '2026-02-29' });
      } else if (/YYYY-MM|\bperiod\b/.test(text)) {
        out.push({ label: 'impossible month', value: '2026-13' }, { label: 'impossible month', value: '2026-00' });
      }
      if (/HH:MM|Time\b/.test(text)) out.push({ label: 'impossible time', value: '24:61' });
      if (/regionCode/i.test(leaf.name)) out.push({ label: 'unknown region code', value: 'KZ-00' });
      return out;
    case 'Int':
    case 'SafeInt':
    case 'Float':
      out.push(
        { label: 'wrong type', value: '1000' },
        { label: 'non-integer', value: 1.5 },
        { label: 'huge', value: 1e30 },
        { label: 'huge', value: 2 ** 53 },
        { label: 'negative', value: -1 },
      );
      if (named.name === 'SafeInt') out.push({ label: 'beyond the money bound', value: Number.MAX_SAFE_INTEGER });
      return out;
    case 'Boolean':
      return [...out, { label: 'wrong type', value: 'true' }, { label: 'wrong type', value: 1 }];
    case 'JSONObject':
      return [
        ...out,
        { label: 'wrong type', value: 'abc' },
        { label: 'wrong type', value: [1] },
        { label: 'over-long value', value: { k: OVERLONG } },
        { label: 'over-long key', value: { [OVERLONG.slice(0, 1000)]: 'v' } },
      ];
    case 'DateTimeISO':
      return [...out, { label: 'impossible date-time', value: '2026-13-45T00:00:00Z' }, { label: 'wrong type', value: 5 }, { label: 'not a date', value: 'tomorrow' }];
    default:
      return [...out, { label: 'wrong type', value: { unexpected: true } }];
  }
}

/** Every malformed case of every argument of `field`, recursing into input objects and the first list element. */
export function malformedCases(field: GraphQLField<unknown, unknown>): MalformedCase[] {
  const cases: MalformedCase[] = [];
  const visit = (arg: GraphQLArgument | GraphQLInputField, path: string, depth: number) => {
    for (const c of leafCases({ type: arg.type, name: arg.name, description: arg.description ?? '' })) cases.push({ path, ...c });
    if (depth > 6) return;
    let inner: GraphQLInputType = isNonNullType(arg.type) ? arg.type.ofType : arg.type;
    let p = path;
    if (isListType(inner)) {
      const element = inner.ofType as GraphQLInputType;
      for (const c of leafCases({ type: element, name: arg.name, description: arg.description ?? '' })) cases.push({ path: `${path}.0`, ...c });
      inner = isNonNullType(element) ? element.ofType : element;
      p = `${path}.0`;
    }
    if (isInputObjectType(inner)) for (const f of Object.values(inner.getFields())) visit(f, `${p}.${f.name}`, depth + 1);
  };
  for (const arg of field.args) visit(arg, arg.name, 0);
  return cases;
}

/** A well-formed placeholder for a type (used where a test gives no better base value). */
export function sampleValue(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [sampleValue(inner.ofType as GraphQLInputType)];
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(inner.getFields())) if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = sampleValue(f.type);
    return out;
  }
  switch (inner.name) {
    case 'Int': case 'SafeInt': case 'Float': return 1;
    case 'Boolean': return true;
    case 'ID': return '00000000-0000-7000-8000-000000000000';
    case 'JSONObject': return {};
    case 'DateTimeISO': return '2027-01-01T00:00:00Z';
    default: return 'fuzz';
  }
}

/** A copy of `args` with the value at `path` (dotted, numeric parts index lists) replaced; missing objects and lists are created. */
export function withValueAt(args: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(args);
  const parts = path.split('.');
  let node: any = copy;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i]!;
    const nextIsIndex = /^\d+$/.test(parts[i + 1]!);
    if (node[key] == null || typeof node[key] !== 'object') node[key] = nextIsIndex ? [] : {};
    node = node[key];
  }
  node[parts.at(-1)!] = value;
  return copy;
}

/** The operation calling one root field with every argument as a variable. */
export function operationFor(kind: 'mutation' | 'query', field: GraphQLField<unknown, unknown>): string {
  const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind} Fuzz${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

/**
 * A checksum of every row of every table of the given PostgreSQL schemas (tables in `exclude`,
 * as `schema.table`, are left out): equal before and after means nothing was written.
 */
export async function tableChecksums(databaseUrl: string, schemas: string[], exclude: string[] = []): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `select table_schema as schema, table_name as name from information_schema.tables
        where table_schema = any($1) and table_type = 'BASE TABLE' order by 1, 2`,
      [schemas],
    );
    const out: Record<string, string> = {};
    for (const t of tables) {
      const key = `${t.schema}.${t.name}`;
      if (exclude.includes(key)) continue;
      const { rows } = await client.query<{ sum: string | null; n: string }>(
        `select md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as sum, count(*) as n from "${t.schema}"."${t.name}" t`,
      );
      out[key] = `${rows[0]!.n}:${rows[0]!.sum}`;
    }
    return out;
  } finally {
    await client.end();
  }
}
