import { graphql } from '../../../gql/index.js';

export const ReactivateMeasureMutation = graphql(`
  mutation ReactivateMeasure($id: ID!, $version: Int!) {
    reactivateMeasure(id: $id, version: $version) {
      id
      status
      version
      choiceDeadline
      daysLeftToChoose
    }
  }
`);
