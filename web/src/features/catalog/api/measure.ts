import { graphql } from '../../../gql/index.js';

/** The measure the recipient is choosing for: its guaranteed sum drives the state part preview. */
export const MeasureForChoiceQuery = graphql(`
  query MeasureForChoice($id: ID!) {
    measure(id: $id) {
      id
      kind
      itemTypeCode
      regionCode
      quantity
      guaranteedSum
      status
      daysLeftToChoose
    }
  }
`);
