import { graphql } from '../../../gql/index.js';

/** The webhook delivery log (admin: every integrator's endpoint). */
export const WebhookLogQuery = graphql(`
  query WebhookLog($status: WebhookDeliveryStatus, $after: String) {
    webhookEndpoints(first: 50) {
      nodes {
        id
        clientId
        url
        active
      }
    }
    webhookDeliveries(status: $status, first: 40, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        eventId
        entityId
        type
        status
        attempts
        lastStatus
        lastError
        nextAttemptAt
        deliveredAt
        replays
        createdAt
        endpoint {
          id
          clientId
        }
      }
    }
  }
`);

export const ReplayWebhookDeliveryMutation = graphql(`
  mutation ReplayWebhookDelivery($id: ID!) {
    replayWebhookDelivery(id: $id) {
      id
      status
      replays
      nextAttemptAt
    }
  }
`);
