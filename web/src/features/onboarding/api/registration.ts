import { graphql } from '../../../gql/index.js';

/** What the applicant (and the administrator) sees of a registration. */
export const RegistrationFragment = graphql(`
  fragment Registration on Supplier {
    id
    kind
    bin
    iin
    name
    legalForm
    legalAddress
    actualAddress
    headName
    headIin
    phone
    email
    okedCodes
    regionCodes
    founders
    premises
    status
    submittedAt
    decidedAt
    rejectionReason
    bankDetails {
      bankName
      bik
      iban
    }
    registryChecks {
      check
      passed
      reason
      checkedAt
    }
    directionCards {
      id
      kind
      okedCode
      personnel {
        fullName
        position
        qualification
      }
      documents {
        id
        kind
        title
        fileName
        size
      }
    }
  }
`);

/** The registrations the signed-in user started. */
export const MyRegistrationsQuery = graphql(`
  query MySupplierRegistrations($after: String) {
    mySupplierRegistrations(first: 20, after: $after) {
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

export const StartRegistrationMutation = graphql(`
  mutation StartSupplierRegistration($input: SupplierRegistrationInput!) {
    startSupplierRegistration(input: $input) {
      id
      ...Registration
    }
  }
`);

export const UpdateRegistrationMutation = graphql(`
  mutation UpdateSupplierRegistration($id: ID!, $input: SupplierRegistrationInput!) {
    updateSupplierRegistration(id: $id, input: $input) {
      id
      ...Registration
    }
  }
`);

export const AddDirectionMutation = graphql(`
  mutation AddSupplierDirection($supplierId: ID!, $input: DirectionInput!) {
    addSupplierDirection(supplierId: $supplierId, input: $input) {
      id
      kind
      okedCode
    }
  }
`);

export const RemoveDirectionMutation = graphql(`
  mutation RemoveSupplierDirection($id: ID!) {
    removeSupplierDirection(id: $id)
  }
`);

export const UploadDocumentMutation = graphql(`
  mutation UploadSupplierDocument($input: DocumentUploadInput!) {
    uploadSupplierDocument(input: $input) {
      id
      kind
      title
      fileName
      size
    }
  }
`);

export const SubmitRegistrationMutation = graphql(`
  mutation SubmitSupplierRegistration($id: ID!) {
    submitSupplierRegistration(id: $id) {
      id
      ...Registration
    }
  }
`);

/** The organization's card in the legal-entity registry, to fill the registration form by BIN. */
export const LegalEntityCardQuery = graphql(`
  query LegalEntityCard($bin: String!) {
    legalEntityCard(bin: $bin) {
      bin
      shortName
      legalForm
      legalAddress
      actualAddress
      head {
        iin
        fullName
      }
      founders {
        name
      }
      okedCodes
    }
  }
`);
