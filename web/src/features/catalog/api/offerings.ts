import { graphql } from '../../../gql/index.js';

export const OfferingCardFragment = graphql(`
  fragment OfferingCard on Offering {
    id
    title
    description
    kind
    itemTypeCode
    price
    deliveryMode
    leadTimeDays
    stock
    regionCodes
    characteristics
    supplier {
      id
      name
    }
  }
`);

export const OfferingsQuery = graphql(`
  query Offerings($filter: OfferingFilter, $first: Int, $after: String) {
    offerings(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        ...OfferingCard
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
