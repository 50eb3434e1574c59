/**
 * Typed commands (command-codegen.ts): the generated module follows the owners' SDL, and the check
 * `node scripts/dist/compose.js --check` runs reports a command whose name or arguments changed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS_MODULE, COMMAND_DOCUMENTS, commandDifferences, commandsModule } from '@aleumet/events';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const OWNERS = ['catalog', 'finance', 'orders', 'people', 'programs'];
const sdls = () => Object.fromEntries(OWNERS.map((o) => [o, readFileSync(path.join(ROOT, 'schema', `${o}.graphql`), 'utf8')]));
const committed = () => readFileSync(path.join(ROOT, COMMANDS_MODULE), 'utf8');

describe('typed cross-subgraph commands', () => {
  it('the committed module is what the committed schema files generate', () => {
    expect(commandsModule(sdls())).toBe(committed());
    expect(commandDifferences(committed(), sdls())).toEqual([]);
  });

  it('holds only @inaccessible mutations that take a commandId, with that argument in the document', () => {
    expect(Object.keys(COMMAND_DOCUMENTS.programs).sort()).toEqual(['internalForgetMeasurePerson', 'internalMeasureFulfilled', 'internalMeasureOrdered', 'internalMeasureReleased']);
    for (const docs of Object.values(COMMAND_DOCUMENTS)) for (const doc of Object.values(docs)) expect(doc).toMatch(/\$commandId: ID!.*commandId: \$commandId/);
  });

  it('reports a renamed argument, a new required argument and a renamed command of an owner', () => {
    const changed = sdls();
    changed.programs = changed.programs
      .replace('internalMeasureReleased(orderId: ID!, measureId: ID!, commandId: ID!)', 'internalMeasureReleased(order: ID!, measureId: ID!, commandId: ID!)')
      .replace('internalMeasureOrdered(supplierId: ID, orderId: ID!', 'internalMeasureOrdered(supplierId: ID, reason: String!, orderId: ID!');
    changed.catalog = changed.catalog.replace('internalReleaseStock(', 'internalReturnStock(');
    expect(changed.programs).not.toBe(sdls().programs);
    expect(commandsModule(changed)).not.toBe(committed());
    const report = commandDifferences(committed(), changed);
    expect(report).toEqual(expect.arrayContaining([
      expect.stringMatching(/^programs\.internalMeasureReleased: the schema says \(order: ID!, measureId: ID!\)/),
      expect.stringMatching(/^programs\.internalMeasureOrdered: the schema says \(supplierId: ID, reason: String!, orderId: ID!, measureId: ID!\)/),
      'catalog.internalReturnStock: in the schema, not in the generated commands',
      'catalog.internalReleaseStock: in the generated commands, no longer in the schema',
    ]));
    expect(report).toHaveLength(4);
  });

  it('a new command of an owner is reported as missing from the generated module', () => {
    const changed = sdls();
    changed.people = changed.people.replace(/type Mutation \{/, 'type Mutation {\n  internalForgetPerson(personId: ID!, commandId: ID!): Boolean! @inaccessible');
    expect(commandDifferences(committed(), changed)).toEqual(['people.internalForgetPerson: in the schema, not in the generated commands']);
  });
});
