import { graphql } from '../../../gql/index.js';

/** The region's recipients of the guaranteed social package: each entitlement with its person, volume, period and status. */
export const DepartmentGspQuery = graphql(`
  query DepartmentGsp($status: GspStatus, $after: String) {
    gspEntitlements(status: $status, first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        quantity
        unit
        startsOn
        endsOn
        status
        statusReason
        person {
          id
          fullName
        }
      }
    }
  }
`);
