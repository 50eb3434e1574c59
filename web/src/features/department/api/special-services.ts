import { graphql } from '../../../gql/index.js';

/** The region's recommended special social services (SSS) with their statuses and the provider chosen. */
export const SpecialServicesQuery = graphql(`
  query DepartmentSpecialServices($status: MeasureStatus, $after: String) {
    measures(kind: SSS, status: $status, first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        itemTypeCode
        status
        guaranteedSum
        publishedAt
        choiceDeadline
        closedReason
        person {
          id
          fullName
        }
        orders(first: 1) {
          nodes {
            id
            number
            status
            supplier {
              id
              name
            }
          }
        }
      }
    }
  }
`);

/** Providers of special social services in the region (verified suppliers with that direction). */
export const SpecialServiceProvidersQuery = graphql(`
  query SpecialServiceProviders($regionCode: String, $after: String) {
    suppliers(direction: SSS, regionCode: $regionCode, first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        phone
        actualAddress
      }
    }
  }
`);
