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

/** The department records a trip to the supplier and back of a recipient of its region (004 ¶41). */
export const DepartmentRecordTripMutation = graphql(`
  mutation DepartmentRecordProstheticTrip($orderId: ID!, $date: String!, $escort: Boolean!, $amount: SafeInt!) {
    recordProstheticTrip(orderId: $orderId, date: $date, escort: $escort, amount: $amount) {
      id
      trips {
        date
        escort
        amount
      }
    }
  }
`);
