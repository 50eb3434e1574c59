import { useCallback } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql/index.js';
import { localName } from './names.js';

/** Reference data (public, cached once): names of item types and regions in three languages. */
export const ReferenceNamesQuery = graphql(`
  query ReferenceNames {
    itemTypes(first: 200) {
      nodes {
        code
        kind
        nameKk
        nameRu
        nameEn
      }
    }
    regions(first: 50) {
      nodes {
        code
        nameKk
        nameRu
        nameEn
      }
    }
  }
`);

/** `(code) => name` for item types and regions in the user's language (the code until loaded). */
export function useReferenceNames() {
  const { i18n } = useTranslation();
  const [res] = useQuery({ query: ReferenceNamesQuery, requestPolicy: 'cache-first' });
  const itemType = useCallback(
    (code: string) => localName(res.data?.itemTypes.nodes.find((t) => t.code === code), i18n.language) || code,
    [res.data, i18n.language],
  );
  const region = useCallback(
    (code: string) => localName(res.data?.regions.nodes.find((r) => r.code === code), i18n.language) || code,
    [res.data, i18n.language],
  );
  return { itemType, region, itemTypes: res.data?.itemTypes.nodes ?? [], regions: res.data?.regions.nodes ?? [] };
}
