import { graphql } from '../../../gql/index.js';

/** Changes a service refused for good and what was done about each: the region's (department) or all (administrators), newest first. */
export const RefusedCommandsQuery = graphql(`
  query RefusedCommands($after: String) {
    refusedCommands(first: 20, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        sender
        target
        command
        code
        message
        entityType
        entityId
        compensation
        regionCode
        personId
        supplierId
        measureId
        orderId
        refusedAt
      }
    }
  }
`);
