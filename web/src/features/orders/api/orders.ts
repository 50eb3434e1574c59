import { graphql } from '../../../gql/index.js';

export const MyOrderFragment = graphql(`
  fragment MyOrder on Order {
    id
    number
    status
    price
    quantity
    createdAt
    acceptDeadline
    acceptedAt
    handedOverAt
    recipientConfirmedAt
    refusalReason
    version
    measure {
      id
      kind
      itemType {
        code
        nameKk
        nameRu
        nameEn
      }
    }
    offering {
      id
      title
      supplier {
        id
        name
      }
    }
    claim {
      id
      statePart
      coPayment
    }
  }
`);

export const MyOrdersQuery = graphql(`
  query MyOrders($personId: ID!) {
    person(id: $personId) {
      id
      orders(first: 50) {
        nodes {
          id
          ...MyOrder
        }
      }
    }
  }
`);
