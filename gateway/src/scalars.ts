import type { GraphQLScalarType, GraphQLSchema } from 'graphql';
import { DateTimeISOResolver, JSONObjectResolver, SafeIntResolver } from 'graphql-scalars';

/**
 * The supergraph declares the subgraphs' custom scalars by name only, so @apollo/gateway would pass
 * any value through (a SafeInt of 1e30, a string for a JSONObject) and the subgraph would refuse the
 * whole request with HTTP 400, which reaches the caller as an internal error. Giving the gateway the
 * same parsers as the subgraphs (graphql-scalars, as type-graphql uses) refuses such values at the
 * gateway, like any built-in scalar: BAD_USER_INPUT naming the variable, or GRAPHQL_VALIDATION_FAILED
 * for a literal. Only parsing changes: answers are passed through as the subgraphs serialized them.
 */
const PARSERS: Record<string, GraphQLScalarType> = {
  SafeInt: SafeIntResolver,
  JSONObject: JSONObjectResolver,
  DateTimeISO: DateTimeISOResolver,
};

export function withScalarParsers(schema: GraphQLSchema): GraphQLSchema {
  for (const [name, impl] of Object.entries(PARSERS)) {
    const type = schema.getType(name) as GraphQLScalarType | undefined;
    if (!type || !('parseValue' in type)) continue;
    type.parseValue = impl.parseValue.bind(impl);
    type.parseLiteral = impl.parseLiteral.bind(impl);
  }
  return schema;
}
