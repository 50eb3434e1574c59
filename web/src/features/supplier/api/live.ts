import { graphql } from '../../../gql/index.js';

/** New orders for this supplier, live. */
export const IncomingOrdersSubscription = graphql(`
  subscription SupplierIncomingOrders {
    incomingOrders {
      cursor
      orderId
      status
      order {
        id
        number
        status
        version
      }
    }
  }
`);

/** Status changes of this supplier's orders (e.g. the recipient cancels or confirms handover). */
export const SupplierOrderStatusSubscription = graphql(`
  subscription SupplierOrderStatus {
    orderStatusChanged {
      cursor
      orderId
      status
      order {
        id
        status
        version
        supplierConfirmedAt
        recipientConfirmedAt
        refusalCode
        refusalReason
      }
    }
  }
`);
