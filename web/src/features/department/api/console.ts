import { graphql } from '../../../gql/index.js';

export const DepartmentMeasureFragment = graphql(`
  fragment DepartmentMeasure on Measure {
    id
    kind
    itemTypeCode
    status
    guaranteedSum
    choiceDeadline
    daysLeftToChoose
    publishedAt
    person {
      id
      fullName
    }
  }
`);

/** Measures of the department's region in one status (the subgraph scopes the list to the region). */
export const DepartmentMeasuresQuery = graphql(`
  query DepartmentMeasures($status: MeasureStatus, $after: String) {
    measures(status: $status, first: 50, after: $after) {
      nodes {
        id
        ...DepartmentMeasure
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Orders of the region, for the charts (kind per month, days from publication to handover). */
export const DepartmentOrdersQuery = graphql(`
  query DepartmentOrders($after: String) {
    orders(first: 200, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        status
        createdAt
        handedOverAt
        measure {
          id
          kind
          publishedAt
        }
      }
    }
  }
`);

export const DepartmentClaimsQuery = graphql(`
  query DepartmentClaims($after: String) {
    claims(first: 50, after: $after) {
      nodes {
        id
        status
        statePart
        coPayment
        approvedAt
        paidAt
        version
        order {
          id
          number
        }
        payments(first: 5) {
          nodes {
            id
            amount
            paidAt
            reference
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Acts of services rendered submitted by suppliers of the region, waiting for approval. */
export const SubmittedActsQuery = graphql(`
  query SubmittedActs($after: String) {
    serviceActs(status: SUBMITTED, first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        orderId
        kind
        itemTypeCode
        period
        hours
        unitPrice
        cost
        statePart
        status
        version
      }
    }
  }
`);

export const ApproveActMutation = graphql(`
  mutation ApproveServiceAct($id: ID!, $version: Int!, $signature: String!, $certificate: String) {
    approveServiceAct(id: $id, version: $version, signature: $signature, certificate: $certificate) {
      id
      status
      version
    }
  }
`);

export const ReturnActMutation = graphql(`
  mutation ReturnServiceAct($id: ID!, $version: Int!, $reason: String!, $signature: String!, $certificate: String) {
    returnServiceAct(id: $id, version: $version, reason: $reason, signature: $signature, certificate: $certificate) {
      id
      status
      version
      returnReason
    }
  }
`);

/** The department records the treasury's payment order of an approved claim (idempotent by its reference). */
export const PayClaimMutation = graphql(`
  mutation PayClaim($id: ID!, $version: Int!, $reference: String!) {
    payClaim(id: $id, version: $version, reference: $reference) {
      id
      status
      paidAt
      version
      payments(first: 5) {
        nodes {
          id
          amount
          paidAt
          reference
        }
      }
    }
  }
`);

/** The console's order search: a number (or part of it), a recipient's IIN or a supplier's BIN. */
export const OrderSearchQuery = graphql(`
  query OrderSearch($search: String!, $after: String) {
    orders(search: $search, order: NEWEST_FIRST, first: 20, after: $after) {
      nodes {
        id
        number
        status
        kind
        price
        createdAt
        recipient {
          id
          fullName
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
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The recipient left Kazakhstan: open measures close and orders not yet received are cancelled. */
export const RegisterDepartureMutation = graphql(`
  mutation RegisterDeparture($personIin: String!, $departedOn: String!) {
    registerDeparture(personIin: $personIin, departedOn: $departedOn) {
      personId
      measuresCancelled
      ordersCancelled
    }
  }
`);
