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
      itemType {
        code
        minAgeYears
        indicationsKk
        indicationsRu
        indicationsEn
        contraindicationsKk
        contraindicationsRu
        contraindicationsEn
      }
      person {
        id
        fullName
        address
        phone
      }
    }
    offering(id: $offeringId) {
      id
      title
      titleKk
      titleEn
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

/** The canonical order document (order + application for reimbursement) the server will verify. */
export const OrderDocumentQuery = graphql(`
  query OrderDocument($measureId: ID!, $offeringId: ID!, $idempotencyKey: String!, $handover: HandoverMethod, $language: Language, $delivery: DeliveryDetailsInput, $stay: StayInput) {
    orderDocument(measureId: $measureId, offeringId: $offeringId, idempotencyKey: $idempotencyKey, handover: $handover, language: $language, delivery: $delivery, stay: $stay)
  }
`);

export const CreateOrderMutation = graphql(`
  mutation CreateOrder($input: CreateOrderInput!) {
    createOrder(input: $input) {
      id
      number
      status
      version
    }
  }
`);
