import { graphql } from '../../../gql/index.js';

export const RepresentationCardFragment = graphql(`
  fragment RepresentationCard on Representation {
    id
    status
    kind
    basis
    validFrom
    validTo
    representativeName
    principalName
    documentType
    documentNumber
    documentDate
    documentIssuer
    rejectionReason
    endReason
    createdAt
  }
`);

/** The signed-in person's representations: who acts for them (PRINCIPAL) or for whom they asked to act. */
export const MyRepresentationsQuery = graphql(`
  query MyRepresentations($side: RepresentationSide!, $after: String) {
    myRepresentations(side: $side, first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...RepresentationCard
      }
    }
  }
`);

export const RequestRepresentationMutation = graphql(`
  mutation RequestRepresentation($input: RepresentationRequestInput!) {
    requestRepresentation(input: $input) {
      id
      ...RepresentationCard
    }
  }
`);

export const RevokeRepresentationMutation = graphql(`
  mutation RevokeRepresentation($id: ID!, $reason: String) {
    revokeRepresentation(id: $id, reason: $reason) {
      id
      ...RepresentationCard
    }
  }
`);

/** The department's requests to verify (its region). */
export const RepresentationRequestsQuery = graphql(`
  query RepresentationRequests($after: String) {
    representationRequests(status: PENDING, first: 40, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        representativeIin
        ...RepresentationCard
      }
    }
  }
`);

export const VerifyRepresentationMutation = graphql(`
  mutation VerifyRepresentation($id: ID!) {
    verifyRepresentation(id: $id) {
      id
      ...RepresentationCard
    }
  }
`);

export const RejectRepresentationMutation = graphql(`
  mutation RejectRepresentation($id: ID!, $reason: String!) {
    rejectRepresentation(id: $id, reason: $reason) {
      id
      ...RepresentationCard
    }
  }
`);

export const RepresentationDocumentQuery = graphql(`
  query RepresentationDocument($id: ID!) {
    representationDocument(representationId: $id) {
      id
      fileName
      contentType
      contentBase64
    }
  }
`);
