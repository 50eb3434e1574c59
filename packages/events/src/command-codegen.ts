import { Kind, parse, print, type DocumentNode, type FieldDefinitionNode, type InputObjectTypeDefinitionNode, type TypeNode } from 'graphql';

/**
 * Typed cross-subgraph commands, generated from each owning subgraph's SDL (`schema/<subgraph>.graphql`).
 * A command is an `@inaccessible` mutation that takes `commandId: ID!` (the receiver's idempotency key);
 * the generated module (commands.generated.ts) holds, per owner and mutation, the TypeScript type of its
 * other arguments and the GraphQL document `enqueueCommand` stores. So tsc refuses a command whose name or
 * arguments do not match the owner's schema, and `node scripts/dist/compose.js --check` refuses a
 * generated module older than the schema (`commandDifferences` says which commands differ).
 */
export const COMMANDS_MODULE = 'packages/events/src/commands.generated.ts';

const SCALARS: Record<string, string> = {
  ID: 'string',
  String: 'string',
  Int: 'number',
  Float: 'number',
  SafeInt: 'number',
  Boolean: 'boolean',
  DateTimeISO: 'string',
  JSON: 'unknown',
  JSONObject: 'Record<string, unknown>',
};

interface Command {
  owner: string;
  name: string;
  /** `name(arg: Type!, …)` without commandId, in the schema's argument order: what the check compares. */
  signature: string;
  document: string;
  args: string;
}

const isCommand = (f: FieldDefinitionNode) =>
  f.directives?.some((d) => d.name.value === 'inaccessible') && f.arguments?.some((a) => a.name.value === 'commandId' && print(a.type) === 'ID!');

function tsType(type: TypeNode, known: Map<string, string>, nullable = true): string {
  if (type.kind === Kind.NON_NULL_TYPE) return tsType(type.type, known, false);
  const inner = type.kind === Kind.LIST_TYPE ? `${wrap(tsType(type.type, known))}[]` : known.get(type.name.value) ?? SCALARS[type.name.value];
  if (inner === undefined) throw new Error(`commands: no TypeScript type for GraphQL type ${print(type)}`);
  return nullable ? `${inner} | null` : inner;
}
const wrap = (t: string) => (t.includes('|') ? `(${t})` : t);

function fieldsOf(args: readonly { name: { value: string }; type: TypeNode }[], known: Map<string, string>, indent: string): string {
  if (!args.length) return 'Record<string, never>';
  return `{\n${args.map((a) => `${indent}  ${a.name.value}${a.type.kind === Kind.NON_NULL_TYPE ? '' : '?'}: ${tsType(a.type, known)};`).join('\n')}\n${indent}}`;
}

/** The commands each subgraph owns, and the input and enum types their arguments use. */
function collect(sdls: Record<string, string>): { commands: Command[]; types: string[] } {
  const commands: Command[] = [];
  const types = new Map<string, string>();
  for (const owner of Object.keys(sdls).sort()) {
    const doc: DocumentNode = parse(sdls[owner]!);
    const known = new Map<string, string>();
    const inputs = new Map<string, InputObjectTypeDefinitionNode>();
    for (const def of doc.definitions) {
      if (def.kind === Kind.ENUM_TYPE_DEFINITION) known.set(def.name.value, (def.values ?? []).map((v) => `'${v.name.value}'`).join(' | '));
      if (def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
        inputs.set(def.name.value, def);
        known.set(def.name.value, def.name.value);
      }
    }
    const used = new Set<string>();
    const use = (type: TypeNode): void => {
      if (type.kind !== Kind.NAMED_TYPE) return use(type.type);
      const input = inputs.get(type.name.value);
      if (!input || used.has(input.name.value)) return;
      used.add(input.name.value);
      for (const f of input.fields ?? []) use(f.type);
    };
    for (const def of doc.definitions) {
      if ((def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) || def.name.value !== 'Mutation') continue;
      for (const field of (def.fields ?? []).filter(isCommand)) {
        const args = (field.arguments ?? []).filter((a) => a.name.value !== 'commandId');
        for (const a of args) use(a.type);
        const all = field.arguments ?? [];
        commands.push({
          owner,
          name: field.name.value,
          signature: `${field.name.value}(${args.map((a) => `${a.name.value}: ${print(a.type)}`).join(', ')})`,
          document: `mutation(${all.map((a) => `$${a.name.value}: ${print(a.type)}`).join(', ')}) { ${field.name.value}(${all.map((a) => `${a.name.value}: $${a.name.value}`).join(', ')}) }`,
          args: fieldsOf(args, known, '    '),
        });
      }
    }
    for (const name of [...used].sort()) {
      const text = `export interface ${name} ${fieldsOf(inputs.get(name)!.fields ?? [], known, '')}`;
      const other = types.get(name);
      if (other !== undefined && other !== text) throw new Error(`commands: input type ${name} differs between subgraphs`);
      types.set(name, text);
    }
  }
  return { commands, types: [...types.values()] };
}

/** The generated module for these subgraph SDLs (subgraph name → SDL). */
export function commandsModule(sdls: Record<string, string>): string {
  const { commands, types } = collect(sdls);
  const owners = [...new Set(commands.map((c) => c.owner))];
  const lines = [
    '// Generated by `npm run compose` from schema/<subgraph>.graphql (command-codegen.ts): do not edit.',
    '/* eslint-disable */',
    '',
    ...types.flatMap((t) => [t, '']),
    '/** The arguments of each command (besides `commandId`), per owning subgraph. */',
    'export interface Commands {',
    ...owners.flatMap((o) => [
      `  ${o}: {`,
      ...commands.filter((c) => c.owner === o).flatMap((c) => [`    // command ${o}.${c.signature}`, `    ${c.name}: ${c.args};`]),
      '  };',
    ]),
    '}',
    '',
    '/** The GraphQL document of each command, as its owner receives it. */',
    'export const COMMAND_DOCUMENTS: { [T in keyof Commands]: { [N in keyof Commands[T]]: string } } = {',
    ...owners.flatMap((o) => [`  ${o}: {`, ...commands.filter((c) => c.owner === o).map((c) => `    ${c.name}: ${JSON.stringify(c.document)},`), '  },']),
    '};',
    '',
  ];
  return lines.join('\n');
}

/**
 * What differs between a generated module and these SDLs, one line per command added, removed or
 * changed (name and arguments); empty when the module is up to date in its commands.
 */
export function commandDifferences(generated: string, sdls: Record<string, string>): string[] {
  const committed = new Map<string, string>();
  for (const m of generated.matchAll(/^\s*\/\/ command (\w+)\.((\w+)\(.*\))$/gm)) committed.set(`${m[1]}.${m[3]}`, m[2]!);
  const fresh = new Map(collect(sdls).commands.map((c) => [`${c.owner}.${c.name}`, c.signature]));
  const out: string[] = [];
  for (const [key, sig] of fresh) {
    const old = committed.get(key);
    if (old === undefined) out.push(`${key}: in the schema, not in the generated commands`);
    else if (old !== sig) out.push(`${key}: the schema says ${sig.slice(sig.indexOf('('))}, the generated commands say ${old.slice(old.indexOf('('))}`);
  }
  for (const key of committed.keys()) if (!fresh.has(key)) out.push(`${key}: in the generated commands, no longer in the schema`);
  return out;
}
