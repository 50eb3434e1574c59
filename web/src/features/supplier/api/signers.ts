import { graphql } from '../../../gql/index.js';

export const AuthorizedSignersQuery = graphql(`
  query AuthorizedSigners($supplierId: ID!, $after: String) {
    authorizedSigners(supplierId: $supplierId, first: 20, after: $after) {
      nodes {
        id
        iin
        fullName
        role
        validFrom
        validTo
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const AddAuthorizedSignerMutation = graphql(`
  mutation AddAuthorizedSigner($input: AuthorizedSignerInput!) {
    addAuthorizedSigner(input: $input) {
      id
      iin
      fullName
      role
      validFrom
      validTo
    }
  }
`);

export const EndAuthorizedSignerMutation = graphql(`
  mutation EndAuthorizedSigner($id: ID!) {
    endAuthorizedSigner(id: $id) {
      id
      validTo
    }
  }
`);
