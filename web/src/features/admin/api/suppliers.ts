import { graphql } from '../../../gql/index.js';

export const AdminSupplierFragment = graphql(`
  fragment AdminSupplier on Supplier {
    id
    name
    bin
    iin
    status
    decidedAt
    suspendedAt
    suspensionReason
  }
`);

/** Verified suppliers (may be suspended) and suspended ones (may be reinstated). */
export const SuppliersToManageQuery = graphql(`
  query SuppliersToManage($verifiedAfter: String, $suspendedAfter: String) {
    verified: supplierRegistrations(status: VERIFIED, first: 100, after: $verifiedAfter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...AdminSupplier
      }
    }
    suspended: supplierRegistrations(status: SUSPENDED, first: 100, after: $suspendedAfter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...AdminSupplier
      }
    }
  }
`);

export const SuspendSupplierMutation = graphql(`
  mutation SuspendSupplier($id: ID!, $reason: String!) {
    suspendSupplier(id: $id, reason: $reason) {
      id
      ...AdminSupplier
    }
  }
`);

export const ReinstateSupplierMutation = graphql(`
  mutation ReinstateSupplier($id: ID!) {
    reinstateSupplier(id: $id) {
      id
      ...AdminSupplier
    }
  }
`);
