import { graphql } from '../../../gql/index.js';

/** Complaints of the department's region (the subgraph scopes the list), newest deadlines first by the page. */
export const DepartmentComplaintsQuery = graphql(`
  query DepartmentComplaints($status: ComplaintStatus, $overdue: Boolean!, $after: String) {
    complaints(status: $status, overdue: $overdue, first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        text
        orderId
        supplierId
        receivedAt
        forwardDueAt
        forwardedTo
        answerDueAt
        answeredAt
        answer
        overdue
      }
    }
  }
`);

export const SatisfyComplaintMutation = graphql(`
  mutation SatisfyComplaint($id: ID!, $answer: String!) {
    satisfyComplaint(id: $id, answer: $answer) {
      id
      status
      answer
      answeredAt
      overdue
    }
  }
`);

export const AnswerComplaintMutation = graphql(`
  mutation DepartmentAnswerComplaint($id: ID!, $answer: String!) {
    answerComplaint(id: $id, answer: $answer) {
      id
      status
      answer
      answeredAt
      overdue
    }
  }
`);

/** Aids of the region not handed over within the term of their contract (flagged by the platform). */
export const OverdueDeliveriesQuery = graphql(`
  query OverdueDeliveries($after: String) {
    orders(deliveryOverdue: true, first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        number
        status
        kind
        itemTypeCode
        acceptedAt
        deliveryDueAt
        deliveryOverdueAt
      }
    }
  }
`);
