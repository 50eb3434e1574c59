import { graphql } from '../../../gql/index.js';

export const IncomingOrderFragment = graphql(`
  fragment IncomingOrder on Order {
    id
    number
    status
    price
    quantity
    createdAt
    acceptDeadline
    deliveryDueAt
    deliveryOverdueAt
    handedOverAt
    supplierConfirmedAt
    recipientConfirmedAt
    refusalCode
    refusalReason
    version
    coPayment
    handover
    delivery {
      address
      phone
      window
      comment
    }
    offering {
      id
      title
      titleKk
      titleEn
    }
    recipient {
      id
      fullName
    }
    kind
    itemTypeCode
  }
`);

export const IncomingOrdersQuery = graphql(`
  query IncomingOrders($status: OrderStatus, $after: String) {
    orders(status: $status, order: NEWEST_FIRST, first: 50, after: $after) {
      nodes {
        id
        ...IncomingOrder
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const AcceptOrderMutation = graphql(`
  mutation AcceptOrder($id: ID!, $version: Int!, $signature: String!, $certificate: String) {
    acceptOrder(id: $id, version: $version, signature: $signature, certificate: $certificate) {
      id
      status
      version
      acceptedAt
    }
  }
`);

export const RefuseOrderMutation = graphql(`
  mutation RefuseOrder($id: ID!, $version: Int!, $reasonCode: OrderRefusalReason!, $comment: String, $signature: String!, $certificate: String) {
    refuseOrder(id: $id, version: $version, reasonCode: $reasonCode, comment: $comment, signature: $signature, certificate: $certificate) {
      id
      status
      version
      refusalCode
      refusalReason
    }
  }
`);

export const MarkReadyMutation = graphql(`
  mutation MarkOrderReady($id: ID!, $version: Int!) {
    markOrderReady(id: $id, version: $version) {
      id
      status
      version
    }
  }
`);

export const SupplierConfirmHandoverMutation = graphql(`
  mutation SupplierConfirmHandover($id: ID!, $version: Int!) {
    confirmHandover(id: $id, version: $version) {
      id
      status
      version
      supplierConfirmedAt
      handedOverAt
    }
  }
`);
