import { graphql } from '../../../gql/index.js';

/** Registrations submitted and waiting for a decision. */
export const RegistrationsToVerifyQuery = graphql(`
  query RegistrationsToVerify($after: String) {
    supplierRegistrations(status: SUBMITTED, first: 40, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...Registration
      }
    }
  }
`);

export const VerifySupplierMutation = graphql(`
  mutation VerifySupplier($id: ID!) {
    verifySupplier(id: $id) {
      id
      status
      decidedAt
      registryChecks {
        check
        passed
        reason
        checkedAt
      }
    }
  }
`);

export const RejectSupplierMutation = graphql(`
  mutation RejectSupplier($id: ID!, $reason: String!) {
    rejectSupplier(id: $id, reason: $reason) {
      id
      status
      decidedAt
      rejectionReason
    }
  }
`);
