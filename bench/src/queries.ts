/** The operations the benchmarks send, and the same dashboard fetched by calling the subgraphs one after another. */
import http from 'node:http';
import { internalHeaders } from '@aleumet/core';

export const DASHBOARD = /* GraphQL */ `
  query Dashboard($first: Int!) {
    me {
      id fullName iin regionCode
      program {
        id number validUntil
        measures(first: $first) {
          nodes {
            id kind itemTypeCode guaranteedSum status
            itemType { code nameEn }
            orders {
              nodes {
                id number status price
                offering { id title price supplier { id name bin } }
                claim { statePart coPayment status }
              }
            }
          }
        }
      }
    }
  }`;

/** A supplier's incoming orders page: each order reaches four other subgraphs' entities. */
export const INCOMING_ORDERS = /* GraphQL */ `
  query IncomingOrders($first: Int!) {
    orders(first: $first) {
      nodes {
        id number status price createdAt acceptDeadline
        recipient { id fullName }
        measure { id kind itemTypeCode itemType { nameEn } }
        offering { id title price supplier { id name } }
        claim { statePart coPayment status }
      }
      pageInfo { hasNextPage endCursor }
    }
  }`;

/** A department's measures page: a full page at every page size, for the SQL-per-request check. */
export const REGION_MEASURES = /* GraphQL */ `
  query RegionMeasures($first: Int!) {
    measures(first: $first) {
      nodes {
        id kind status person { fullName }
        orders { nodes { id status offering { title price supplier { name } } claim { statePart } } }
      }
    }
  }`;

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** POST one GraphQL operation with a keep-alive agent; throws on GraphQL errors. */
export async function post(url: string, query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  try {
    return await postOnce(url, query, variables, token);
  } catch (e) {
    // A kept-alive socket the server closed at the same moment: queries are safe to send again, once.
    if ((e as NodeJS.ErrnoException).code === 'ECONNRESET') return postOnce(url, query, variables, token);
    throw e;
  }
}

function postOnce(url: string, query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query, variables });
    const req = http.request(url, {
      method: 'POST', agent,
      // Signed as the gateway signs (subgraphs answer nothing else); the gateway ignores the header.
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}`, ...internalHeaders(url, body) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          if (json.errors?.length) reject(new Error(`${url}: ${JSON.stringify(json.errors[0])}`));
          else resolve(json.data);
        } catch (e) {
          reject(e);
        }
      });
    });
    req.on('error', (e) => reject(Object.assign(e, { message: `${url}: ${e.message}` })));
    req.end(body);
  });
}

const entities = (type: string, selection: string) =>
  `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { ${selection} } } }`;

/**
 * The dashboard without a gateway: people → programs → orders → catalog → finance, one call after
 * another (what a client would do against five separate APIs). Returns the same shape as DASHBOARD.
 */
export async function dashboardChain(urls: Record<string, string>, token: string, first: number) {
  const { me } = await post(urls.people!, `{ me { id fullName iin regionCode } }`, {}, token);
  const [withProgram] = (await post(urls.programs!, entities('Person', `program { id number validUntil measures(first: ${first}) { nodes { id kind itemTypeCode guaranteedSum status } } }`), { r: [{ __typename: 'Person', id: me.id }] }, token))._entities;
  const program = withProgram.program;
  const measures = program?.measures.nodes ?? [];
  const withOrders = measures.length
    ? (await post(urls.orders!, entities('Measure', 'orders { nodes { id number status price offering { id } } }'), { r: measures.map((m: any) => ({ __typename: 'Measure', id: m.id })) }, token))._entities
    : [];
  const orders = withOrders.flatMap((m: any) => m.orders.nodes);
  const codes = [...new Set(measures.map((m: any) => m.itemTypeCode))];
  const itemTypes = codes.length
    ? (await post(urls.catalog!, entities('ItemType', 'code nameEn'), { r: codes.map((code) => ({ __typename: 'ItemType', code })) }, token))._entities
    : [];
  const offeringIds = [...new Set(orders.map((o: any) => o.offering.id))];
  const offerings = offeringIds.length
    ? (await post(urls.catalog!, entities('Offering', 'id title price supplier { id name bin }'), { r: offeringIds.map((id) => ({ __typename: 'Offering', id })) }, token))._entities
    : [];
  const claims = orders.length
    ? (await post(urls.finance!, entities('Order', 'claim { statePart coPayment status }'), { r: orders.map((o: any) => ({ __typename: 'Order', id: o.id })) }, token))._entities
    : [];
  const byCode = new Map(itemTypes.map((t: any) => [t.code, t]));
  const byOffering = new Map(offerings.map((o: any) => [o.id, o]));
  let k = 0;
  return {
    me: {
      ...me,
      program: program && {
        ...program,
        measures: {
          nodes: measures.map((m: any, i: number) => ({
            ...m,
            itemType: byCode.get(m.itemTypeCode),
            orders: { nodes: withOrders[i].orders.nodes.map((o: any) => ({ ...o, offering: byOffering.get(o.offering.id), claim: claims[k++].claim })) },
          })),
        },
      },
    },
  };
}
