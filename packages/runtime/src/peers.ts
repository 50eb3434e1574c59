import { Role, type Identity } from '@aleumet/core';

/** The subgraphs, each with its own PostgreSQL schema of the same name. */
export const SUBGRAPH_SCHEMAS = ['people', 'programs', 'catalog', 'orders', 'finance'] as const;
export type SubgraphName = (typeof SUBGRAPH_SCHEMAS)[number];

/** URLs of the subgraphs, filled in by whoever starts them (startPlatform, or environment variables). */
export class PeerDirectory {
  private readonly urls = new Map<SubgraphName, string>();
  set(name: SubgraphName, url: string): void {
    this.urls.set(name, url);
  }
  url(name: SubgraphName): string {
    const fromEnv = process.env[`${name.toUpperCase()}_URL`];
    const url = this.urls.get(name) ?? fromEnv;
    if (!url) throw new Error(`URL of subgraph ${name} is not known`);
    return url;
  }
}

/** The identity a subgraph uses when calling another subgraph (an integrator with internal scopes). */
export function serviceIdentity(name: SubgraphName, scopes: string[]): Identity {
  return { sub: `service:${name}`, role: Role.INTEGRATOR, represents: [], scopes, clientId: `service:${name}` };
}
