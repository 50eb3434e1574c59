import { graphql } from '../../../gql/index.js';

export const SupplierOfferingFragment = graphql(`
  fragment SupplierOffering on Offering {
    id
    title
    titleKk
    titleEn
    description
    descriptionKk
    descriptionEn
    itemTypeCode
    price
    stock
    leadTimeDays
    deliveryMode
    active
    regionCodes
    characteristics
  }
`);

export const SupplierCardQuery = graphql(`
  query SupplierCard($id: ID!, $offeringsAfter: String) {
    supplier(id: $id) {
      id
      bin
      name
      legalForm
      legalAddress
      actualAddress
      headName
      phone
      email
      okedCodes
      directions
      regionCodes
      status
      offerings(first: 50, after: $offeringsAfter) {
        nodes {
          id
          ...SupplierOffering
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const UpdateOfferingMutation = graphql(`
  mutation UpdateOffering($id: ID!, $input: OfferingUpdate!) {
    updateOffering(id: $id, input: $input) {
      id
      ...SupplierOffering
    }
  }
`);

export const CreateOfferingMutation = graphql(`
  mutation CreateOffering($input: OfferingInput!) {
    createOffering(input: $input) {
      id
      ...SupplierOffering
    }
  }
`);
