import { cacheTags } from '@aleumet/cache-tags';

/** Every answer of this subgraph is its caller's own and depends on no clock (CONTRIBUTING.md, the cache contract). */
export const cache = cacheTags();
