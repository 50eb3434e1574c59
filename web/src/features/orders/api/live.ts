import { graphql } from '../../../gql/index.js';

/** Live status of the caller's orders (the gateway authorizes: own and represented persons' orders). */
export const MyOrderStatusSubscription = graphql(`
  subscription MyOrderStatus {
    orderStatusChanged {
      cursor
      orderId
      status
      version
      order {
        id
        status
        version
        acceptedAt
        handedOverAt
        recipientConfirmedAt
        refusalCode
        refusalReason
      }
    }
  }
`);
