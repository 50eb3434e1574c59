import { graphql } from '../../../gql/index.js';

/** Accepted orders of the supplier: S1/S2 ones are rendered over time and logged in a journal. */
export const ServiceOrdersQuery = graphql(`
  query ServiceOrders($after: String) {
    orders(status: ACCEPTED, first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        number
        kind
        measure {
          id
          kind
        }
        recipient {
          id
          fullName
        }
      }
    }
  }
`);

export const ActFieldsFragment = graphql(`
  fragment ActFields on ServiceAct {
    id
    orderId
    kind
    itemTypeCode
    period
    minutes
    hours
    unitPrice
    cost
    statePart
    coPayment
    status
    returnReason
    version
  }
`);

export const JournalQuery = graphql(`
  query Journal($orderId: ID!, $journalAfter: String, $actsAfter: String) {
    order(id: $orderId) {
      id
      number
      kind
      measure {
        id
        kind
      }
      journal(first: 100, after: $journalAfter) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          date
          startTime
          endTime
          minutes
          places
          mode
        }
      }
      acts(first: 24, after: $actsAfter) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          ...ActFields
        }
      }
    }
  }
`);

export const LogHoursMutation = graphql(`
  mutation LogServiceHours($orderId: ID!, $input: JournalEntryInput!) {
    logServiceHours(orderId: $orderId, input: $input) {
      id
      date
      startTime
      endTime
      minutes
      places
      mode
    }
  }
`);

export const GenerateActMutation = graphql(`
  mutation GenerateServiceAct($orderId: ID!, $period: String!) {
    generateServiceAct(orderId: $orderId, period: $period) {
      id
      ...ActFields
    }
  }
`);

export const SubmitActMutation = graphql(`
  mutation SubmitServiceAct($id: ID!, $version: Int!, $signature: String!, $certificate: String) {
    submitServiceAct(id: $id, version: $version, signature: $signature, certificate: $certificate) {
      id
      status
      version
    }
  }
`);
