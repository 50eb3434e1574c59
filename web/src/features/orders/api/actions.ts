import { graphql } from '../../../gql/index.js';

export const ConfirmHandoverMutation = graphql(`
  mutation RecipientConfirmHandover($id: ID!, $version: Int!) {
    confirmHandover(id: $id, version: $version) {
      id
      status
      version
      recipientConfirmedAt
      handedOverAt
    }
  }
`);

export const CancelOrderMutation = graphql(`
  mutation RecipientCancelOrder($id: ID!, $version: Int!, $reason: String!) {
    cancelOrder(id: $id, version: $version, reason: $reason) {
      id
      status
      version
      closedAt
    }
  }
`);
