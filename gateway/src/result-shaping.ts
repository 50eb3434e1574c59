import {
  ERRORS, Variable, assert, isCompositeType, isCustomScalarType, isEnumType, isListType, isNonNullType, isObjectType, isSubtype, typenameFieldName,
  type Operation, type Schema,
} from './apollo-internals.js';

/**
 * @apollo/gateway's result shaping (`computeResponse` in its resultShaping.js: the answer cut to the operation's
 * selections, nulls propagated, leaf values checked), compiled once per operation instead of re-reading the
 * operation's selection sets, directives and field types for every value of every request. The algorithm,
 * its order, its errors and their messages are Apollo's, step for step; only what does not depend on the
 * answer is computed ahead (gateway/test/result-shaping.test.ts compares both on the same inputs).
 * It was the largest single cost of a large answer in the gateway's profile (bench/README.md).
 */

// The federation-internals types are classes whose shapes we only pass around.
type FedType = any;
type Directive = any;

type TypeStep =
  | { k: 'nonNull'; type: FedType; of: TypeStep }
  | { k: 'list'; type: FedType; of: TypeStep }
  | { k: 'composite'; type: FedType }
  | { k: 'leaf'; type: FedType; valid: (value: unknown) => boolean };

interface Conditions { skip?: Directive; include?: Directive }

interface FieldStep {
  field: true;
  responseName: string;
  conditions?: Conditions;
  introspection: boolean;
  typename: boolean;
  type: TypeStep;
  /** The selection itself (introspection is answered from it). */
  selection: unknown;
  child?: Steps;
}
interface FragmentStep {
  field: false;
  conditions?: Conditions;
  typeCondition?: FedType;
  /** Whether the type condition applies, by `__typename` (or `#` + the parent type when there is none). */
  applies: Map<string, boolean>;
  child: Steps;
}
type Step = FieldStep | FragmentStep;
/**
 * A selection set's steps; `plain` when no response name it writes (its fragments' included) is a property of
 * `Object.prototype` (`__proto__`, `constructor`, …), so its output can be an ordinary object. Apollo's is
 * always `Object.create(null)`, which V8 keeps in dictionary mode: slower to fill and to serialize.
 */
type Steps = Step[] & { plain: boolean };

interface Parameters {
  schema: Schema;
  variables: Record<string, unknown>;
  errors: unknown[];
  introspectionHandling: (selection: any) => unknown;
}

const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/** federation-internals' `isValidLeafValue`, decided per type once. */
function leafCheck(schema: Schema, type: FedType): (value: unknown) => boolean {
  if (isCustomScalarType(type)) return () => true;
  const isBoolean = type === schema.booleanType();
  const isIntOrId = type === schema.intType() || type === schema.idType();
  const isFloat = type === schema.floatType();
  const isInt = type === schema.intType();
  const enumType = isEnumType(type) ? type : null;
  return (value) => {
    if (typeof value === 'boolean') return isBoolean;
    if (typeof value === 'number' && isFinite(value)) return isIntOrId ? INTEGER.test(String(value)) : isFloat;
    if (typeof value === 'string') return enumType ? enumType.value(value) !== undefined : !isBoolean && !isInt && !isFloat;
    return false;
  };
}

function typeStep(schema: Schema, type: FedType): TypeStep {
  if (isNonNullType(type)) return { k: 'nonNull', type, of: typeStep(schema, type.ofType) };
  if (isListType(type)) return { k: 'list', type, of: typeStep(schema, type.ofType) };
  if (isCompositeType(type)) return { k: 'composite', type };
  return { k: 'leaf', type, valid: leafCheck(schema, type) };
}

function conditionsOf(schema: Schema, element: any): Conditions | undefined {
  const skip = element.appliedDirectivesOf(schema.skipDirective())[0];
  const include = element.appliedDirectivesOf(schema.includeDirective())[0];
  return skip || include ? { skip, include } : undefined;
}

/** Response names this selection set writes into one output object (through its fragments too). */
const responseNames = (steps: Step[]): string[] => steps.flatMap((s) => (s.field ? [s.responseName] : responseNames(s.child)));

function compile(schema: Schema, selectionSet: any): Steps {
  const steps = [] as unknown as Steps;
  for (const selection of selectionSet.selections()) {
    const conditions = conditionsOf(schema, selection.element);
    if (selection.kind === 'FieldSelection') {
      const field = selection.element;
      steps.push({
        field: true,
        responseName: field.responseName(),
        conditions,
        introspection: field.definition.isSchemaIntrospectionField(),
        typename: field.name === typenameFieldName,
        type: typeStep(schema, field.definition.type),
        selection,
        child: selection.selectionSet ? compile(schema, selection.selectionSet) : undefined,
      });
    } else {
      steps.push({ field: false, conditions, typeCondition: selection.element.typeCondition, applies: new Map(), child: compile(schema, selection.selectionSet) });
    }
  }
  steps.plain = responseNames(steps).every((name) => !(name in Object.prototype));
  return steps;
}

function ifValue(directive: Directive, variables: Record<string, unknown>): boolean {
  const ifArg = directive.arguments().if;
  if (ifArg instanceof Variable) {
    const value = variables[ifArg.name];
    assert(value !== undefined && typeof value === 'boolean', () => `Unexpected value ${value} for variable ${ifArg} of ${directive}`);
    return value as boolean;
  }
  return ifArg;
}

const skipped = (c: Conditions, p: Parameters) => (c.skip && ifValue(c.skip, p.variables)) || (c.include && !ifValue(c.include, p.variables));

const OK = 0;
const NULL_BUBBLE_UP = 1;
const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

// The two flags Apollo's updateOutputValue returns beside the value, set by `update` before each return (no
// object per value); read by the caller right after the call.
let isInvalid = false;
let hasErrors = false;

function describe(path: (string | number)[], currentType: FedType, parentType: FedType): string {
  const element = path[path.length - 1];
  assert(element !== undefined, 'Should not have been called on an empty path');
  return typeof element === 'string' ? `field ${parentType}.${element}` : `array element of type ${currentType} at index ${element}`;
}

function applies(step: FragmentStep, schema: Schema, typename: string | undefined, parentType: FedType): boolean {
  if (!step.typeCondition) return true;
  const key = typename ?? `#${parentType.name}`;
  let yes = step.applies.get(key);
  if (yes === undefined) {
    if (typename) {
      const type = schema.type(typename);
      yes = !!type && isSubtype(step.typeCondition, type);
    } else {
      yes = isSubtype(step.typeCondition, parentType);
    }
    step.applies.set(key, yes);
  }
  return yes;
}

function applySteps(input: any, steps: Steps, output: any, p: Parameters, path: (string | number)[], parentType: FedType): number {
  for (const step of steps) {
    if (step.conditions && skipped(step.conditions, p)) continue;
    if (step.field) {
      const responseName = step.responseName;
      const outputValue = output[responseName];
      if (step.introspection) {
        if (outputValue === undefined) output[responseName] = p.introspectionHandling(step.selection);
        continue;
      }
      let inputValue = (hasOwn(input, responseName) ? input[responseName] : undefined) ?? null;
      if (step.typename) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== typenameFieldName) inputValue = input[typenameFieldName] ?? null;
          const type = inputValue !== null && typeof inputValue === 'string' ? (p.schema.type(inputValue) ?? parentType) : parentType;
          if (!isObjectType(type)) return NULL_BUBBLE_UP;
          output[responseName] = type.name;
        }
        continue;
      }
      path.push(responseName);
      const updated = update(outputValue, step.type, inputValue, step.child, path, p, parentType);
      output[responseName] = updated;
      path.pop();
      if (isInvalid) return NULL_BUBBLE_UP;
    } else {
      const typename = input[typenameFieldName];
      assert(!typename || typeof typename === 'string', () => `Got unexpected value for __typename: ${typename}`);
      if (applies(step, p.schema, typename, parentType)) {
        if (applySteps(input, step.child, output, p, path, step.typeCondition ?? parentType) === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
      }
    }
  }
  return OK;
}

function done(value: unknown, invalid: boolean, errors: boolean): any {
  isInvalid = invalid;
  hasErrors = errors;
  return value;
}

function update(outputValue: any, t: TypeStep, inputValue: any, child: Steps | undefined, path: (string | number)[], p: Parameters, parentType: FedType): any {
  assert(inputValue !== undefined, 'Should not pass undefined for `inputValue` to this method');
  if (outputValue === null || (outputValue !== undefined && !child)) return done(outputValue, false, false);
  if (t.k === 'nonNull') {
    const updated = update(outputValue, t.of, inputValue, child, path, p, parentType);
    if (updated === null) {
      if (!hasErrors) {
        p.errors.push(ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${describe(path, t.type.ofType, parentType)}.`, { path: Array.from(path) }));
      }
      return done(null, true, true);
    }
    return done(updated, false, false);
  }
  if (inputValue === null) return done(null, false, false);
  if (t.k === 'list') {
    assert(Array.isArray(inputValue), () => `Invalid non-list value ${inputValue} returned by subgraph for list type ${t.type}`);
    assert(outputValue === undefined || Array.isArray(outputValue), () => `Invalid non-list value ${outputValue} returned by subgraph for list type ${t.type}`);
    const n = inputValue.length;
    assert(outputValue === undefined || n === outputValue.length, () => `[${inputValue}].length (${inputValue.length}) !== [${outputValue}].length (${outputValue.length})`);
    let nullify = false;
    let errors = false;
    const updated = new Array(n);
    for (let i = 0; i < n; i++) {
      path.push(i);
      updated[i] = update(outputValue === undefined ? undefined : outputValue[i], t.of, inputValue[i], child, path, p, parentType);
      path.pop();
      nullify ||= isInvalid;
      errors ||= hasErrors;
    }
    return done(nullify ? null : updated, false, errors);
  }
  if (t.k === 'composite') {
    assert(child, () => `Invalid empty selection set for composite type ${t.type}`);
    assert(typeof inputValue === 'object', () => `Invalid non-object value ${inputValue} returned by subgraph for composite type ${t.type}`);
    assert(outputValue === undefined || typeof outputValue === 'object', () => `Invalid non-object value ${inputValue} returned by subgraph for composite type ${t.type}`);
    const inputTypename = inputValue[typenameFieldName];
    assert(inputTypename === undefined || typeof inputTypename === 'string', () => `Invalid non-string value ${inputTypename} for __typename at ${path}`);
    let objType = t.type;
    if (inputTypename) {
      const typenameType = p.schema.type(inputTypename);
      if (!typenameType || !isCompositeType(typenameType)) {
        p.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${describe(path, t.type, parentType)}.`, { path: Array.from(path) }));
        return done(null, false, true);
      }
      objType = typenameType;
    }
    const out = outputValue === undefined ? (child!.plain ? {} : Object.create(null)) : outputValue;
    const bubbled = applySteps(inputValue, child!, out, p, path, objType) === NULL_BUBBLE_UP;
    return done(bubbled ? null : out, false, bubbled);
  }
  assert(outputValue === undefined, () => `Excepted output to be undefined but got ${t.type} for type ${t.type}`);
  const valid = t.valid(inputValue);
  if (!valid) p.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${describe(path, t.type, parentType)}.`, { path: Array.from(path) }));
  return done(valid ? inputValue : null, false, !valid);
}

interface Compiled { steps: Steps; rootType: FedType }
const compiled = new WeakMap<Operation, Compiled>();

export interface ComputeResponseArgs {
  operation: Operation;
  variables?: Record<string, unknown>;
  input: any;
  introspectionHandling: (selection: any) => unknown;
}

/** Apollo's `computeResponse`, with the operation compiled on first use (cached per operation object). */
export function computeResponseCompiled({ operation, variables, input, introspectionHandling }: ComputeResponseArgs): { data: any; errors: any[] } {
  if (!input) return { data: input, errors: [] };
  const op = operation as any;
  const schema = op.schema() as Schema;
  let c = compiled.get(operation);
  if (!c) {
    c = { steps: compile(schema, op.selectionSet), rootType: schema.schemaDefinition.rootType(op.rootKind) };
    compiled.set(operation, c);
  }
  const p: Parameters = { schema, variables: { __proto__: null, ...op.collectDefaultedVariableValues(), ...variables }, errors: [], introspectionHandling };
  const data = c.steps.plain ? {} : Object.create(null);
  const res = applySteps(input, c.steps, data, p, [], c.rootType);
  return { data: res === NULL_BUBBLE_UP ? null : data, errors: p.errors };
}
