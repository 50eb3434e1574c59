import { graphql } from '../../../gql/index.js';

/** Everything the prosthetics card holds (004 ¶31, ¶34, ¶41), as the supplier keeps it. */
export const ProstheticsCardFieldsFragment = graphql(`
  fragment ProstheticsCardFields on ProstheticsCard {
    id
    orderId
    itemTypeCode
    measurements {
      name
      value
    }
    measuredAt
    inpatient
    inpatientFrom
    inpatientTo
    inpatientWorkingDays
    invitedAt
    trips {
      date
      escort
      amount
    }
    acceptanceAct
    historyExtract
  }
`);

/** The supplier's prosthetic-orthopaedic orders of one status (the picker; S4 is kept after the list arrives). */
export const ProstheticOrdersQuery = graphql(`
  query ProstheticOrders($status: OrderStatus, $after: String) {
    orders(status: $status, order: NEWEST_FIRST, first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        number
        kind
        status
        recipient {
          id
          fullName
        }
      }
    }
  }
`);

export const ProstheticOrderQuery = graphql(`
  query ProstheticOrder($id: ID!) {
    order(id: $id) {
      id
      number
      kind
      status
      itemTypeCode
      version
      recipient {
        id
        fullName
      }
      prostheticsCard {
        id
        ...ProstheticsCardFields
      }
    }
  }
`);

export const RecordMeasurementsMutation = graphql(`
  mutation RecordProstheticMeasurements($orderId: ID!, $measurements: [MeasurementInput!]!) {
    recordProstheticMeasurements(orderId: $orderId, measurements: $measurements) {
      id
      ...ProstheticsCardFields
    }
  }
`);

export const InviteInpatientMutation = graphql(`
  mutation InviteForInpatientFitting($orderId: ID!, $fitting: InpatientFitting!, $from: String!, $to: String!) {
    inviteForInpatientFitting(orderId: $orderId, fitting: $fitting, from: $from, to: $to) {
      id
      inpatientWorkingDays
      ...ProstheticsCardFields
    }
  }
`);

export const RecordTripMutation = graphql(`
  mutation RecordProstheticTrip($orderId: ID!, $date: String!, $escort: Boolean!, $amount: SafeInt!) {
    recordProstheticTrip(orderId: $orderId, date: $date, escort: $escort, amount: $amount) {
      id
      ...ProstheticsCardFields
    }
  }
`);
