import { graphql } from '../../../gql/index.js';

export const OfferingCardFragment = graphql(`
  fragment OfferingCard on Offering {
    id
    title
    titleKk
    titleEn
    description
    descriptionKk
    descriptionEn
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
  query Offerings($filter: OfferingFilter, $sort: OfferingSort, $first: Int, $after: String) {
    offerings(filter: $filter, sort: $sort, first: $first, after: $after) {
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

/** One offering's page: everything a person reads before choosing it. */
export const OfferingPageQuery = graphql(`
  query OfferingPage($id: ID!) {
    offering(id: $id) {
      id
      ...OfferingCard
      orderable
      documents {
        id
        kind
        title
      }
      supplier {
        id
        name
        legalForm
        actualAddress
        phone
        email
        regionCodes
      }
    }
  }
`);
