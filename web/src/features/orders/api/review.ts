import { graphql } from '../../../gql/index.js';

export const OrderReviewQuery = graphql(`
  query OrderReview($measureId: ID!, $offeringId: ID!) {
    measure(id: $measureId) {
      id
      kind
      itemTypeCode
      quantity
      guaranteedSum
      status
      version
      person {
        id
        fullName
      }
      itemType {
        code
        nameKk
        nameRu
        nameEn
      }
    }
    offering(id: $offeringId) {
      id
      title
      price
      deliveryMode
      leadTimeDays
      supplier {
        id
        name
      }
    }
  }
`);
