import { graphql } from '../../../gql/index.js';

/** Prosthetics cards of the region with an inpatient fitting and their history extracts (004 ¶34, annex 11). */
export const HistoryExtractsQuery = graphql(`
  query ProstheticsHistoryExtracts($after: String) {
    prostheticsHistoryExtracts(first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        orderId
        orderNumber
        regionCode
        itemTypeCode
        inpatient
        inpatientFrom
        inpatientTo
        inpatientWorkingDays
        invitedAt
        measurements {
          name
          value
        }
        trips {
          date
          escort
          amount
        }
        acceptanceAct
        historyExtract
      }
    }
  }
`);
