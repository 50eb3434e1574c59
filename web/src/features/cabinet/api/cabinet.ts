import { graphql } from '../../../gql/index.js';

export const MeQuery = graphql(`
  query Me($after: String) {
    me {
      id
      fullName
      principals(first: 20, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          kind
          validTo
          principal {
            id
            fullName
          }
        }
      }
    }
  }
`);

export const MeasureRowFragment = graphql(`
  fragment MeasureRow on Measure {
    id
    kind
    itemTypeCode
    quantity
    guaranteedSum
    status
    choiceDeadline
    daysLeftToChoose
    version
  }
`);

export const GspRowFragment = graphql(`
  fragment GspRow on GspEntitlement {
    id
    kind
    quantity
    unit
    startsOn
    endsOn
    status
    statusReason
  }
`);

export const CabinetQuery = graphql(`
  query Cabinet($id: ID!, $measuresAfter: String, $gspAfter: String) {
    person(id: $id) {
      id
      fullName
      iin
      birthDate
      sex
      address
      phone
      email
      category
      disabilityGroup
      regionCode
      program {
        id
        number
        issuedOn
        validUntil
        measures(first: 50, after: $measuresAfter) {
          nodes {
            id
            ...MeasureRow
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
      gspEntitlements(first: 50, after: $gspAfter) {
        nodes {
          id
          ...GspRow
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const UpdateContactsMutation = graphql(`
  mutation UpdateMyContacts($input: ContactsInput!) {
    updateMyContacts(input: $input) {
      id
      phone
      email
    }
  }
`);
