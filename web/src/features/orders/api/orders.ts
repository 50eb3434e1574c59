import { graphql } from '../../../gql/index.js';

export const MyOrderFragment = graphql(`
  fragment MyOrder on Order {
    id
    number
    status
    kind
    itemTypeCode
    price
    statePart
    coPayment
    quantity
    createdAt
    acceptDeadline
    acceptedAt
    leadTimeDays
    deliveryDueAt
    deliveryOverdueAt
    handedOverAt
    recipientConfirmedAt
    refusalCode
    refusalReason
    cancellationReason
    serviceUntil
    stayFrom
    stayTo
    travelPaidByRecipient
    prostheticsCard {
      id
      measurements {
        name
        value
      }
      inpatient
      inpatientFrom
      inpatientTo
      inpatientWorkingDays
      trips {
        date
        escort
      }
      acceptanceAct
      historyExtract
    }
    version
    handover
    delivery {
      address
      phone
      window
      comment
    }
    recipient {
      id
    }
    measure {
      id
      kind
      itemTypeCode
    }
    offering {
      id
      title
      titleKk
      titleEn
      supplier {
        id
        name
      }
    }
  }
`);

/** Orders of the caller and of the persons it represents (the orders subgraph scopes the list). */
export const MyOrdersQuery = graphql(`
  query MyOrders($after: String) {
    orders(first: 20, after: $after) {
      nodes {
        id
        ...MyOrder
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
