import { graphql } from '../../../gql/index.js';

export const ReferenceDataQuery = graphql(`
  query ReferenceData {
    regions(first: 50) {
      nodes {
        code
        nameKk
        nameRu
        nameEn
      }
    }
    itemTypes(first: 200) {
      nodes {
        code
        kind
        unit
        nameKk
        nameRu
        nameEn
      }
    }
  }
`);
