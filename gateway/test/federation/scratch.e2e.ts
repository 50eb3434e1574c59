import { it } from 'vitest';
import { QueryPlanner, prettyFormatQueryPlan } from '@apollo/query-planner';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { link, post, startPlainGateway, startSubgraphs, type TestSubgraph } from './harness.js';

const plan = (sdl: string, q: string) => {
  const sg = Supergraph.build(sdl);
  const qp = new QueryPlanner(sg);
  return prettyFormatQueryPlan(qp.buildQueryPlan(operationFromDocument(sg.schema, parse(q))));
};
it('3 edited', async () => {
  const s = await startSubgraphs([
    { name: 'a', typeDefs: link('@key') + `interface Media @key(fields: "id") { id: ID! title: String! } type Book implements Media @key(fields: "id") { id: ID! title: String! }  type Query { media: [Media!]! }`,
      resolvers: { Query: { media: () => [{ __typename: 'Book', id: 'm1', title: 'T' }] }, Media: { __resolveType: () => 'Book', __resolveReference: (r: any) => ({ __typename: 'Book', id: r.id, title: 'T' }) }, Book: { __resolveReference: (r: any) => ({ id: r.id, title: 'T' }) } } },
    { name: 'b', typeDefs: link('@key', '@interfaceObject') + `type Media @key(fields: "id") @interfaceObject { id: ID! reviews: [String!] }`, resolvers: { Media: { __resolveReference: (r: any) => ({ id: r.id, reviews: ['b'] }) } } },
  ]);
  const lines = s.supergraphSdl.split('\n').filter((l) => l.includes('join__type') && l.includes('Media'));
  console.log(s.supergraphSdl.split('\n').filter((l) => l.includes('Media')).join('\n'));
  const edited = s.supergraphSdl.replace(/@join__type\(graph: B, key: "id", isInterfaceObject: true\)/, '@join__type(graph: B, key: "id", resolvable: false, isInterfaceObject: true)');
  console.log('edited?', edited !== s.supergraphSdl);
  for (const q of ['{ media { id reviews } }', '{ media { reviews } }']) {
    let p = ''; try { p = plan(edited, q); } catch (e) { p = 'PLAN ERROR ' + (e as Error).message; }
    const gw = await startPlainGateway(edited);
    console.log(`== ${q}\n${p}\n${JSON.stringify(await post(gw.url, q))}`);
    await gw.close();
  }
  await s.close();
});
