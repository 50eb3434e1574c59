import { cacheTags } from '@aleumet/cache-tags';

/** What programs answers depend on besides rows and the caller (CONTRIBUTING.md, the cache contract). */
export const cache = cacheTags({
  time: ['Measure.daysLeftToChoose'],
});
