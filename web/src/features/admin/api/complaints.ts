import { graphql } from '../../../gql/index.js';

export const AdminComplaintFragment = graphql(`
  fragment AdminComplaint on Complaint {
    id
    status
    text
    regionCode
    orderId
    supplierId
    receivedAt
    forwardDueAt
    forwardedTo
    answerDueAt
    overdue
  }
`);

/** Complaints past the forwarding or answer deadline, and the new ones to forward. */
export const AdminComplaintsQuery = graphql(`
  query AdminComplaints($overdueAfter: String, $receivedAfter: String, $forwardedAfter: String) {
    overdue: complaints(overdue: true, first: 50, after: $overdueAfter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...AdminComplaint
      }
    }
    received: complaints(status: RECEIVED, first: 50, after: $receivedAfter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...AdminComplaint
      }
    }
    forwarded: complaints(status: FORWARDED, first: 50, after: $forwardedAfter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...AdminComplaint
      }
    }
  }
`);

export const ForwardComplaintMutation = graphql(`
  mutation ForwardComplaint($id: ID!, $to: ResponsibleBody!) {
    forwardComplaint(id: $id, to: $to) {
      id
      ...AdminComplaint
    }
  }
`);

export const AnswerComplaintMutation = graphql(`
  mutation AnswerComplaint($id: ID!, $answer: String!) {
    answerComplaint(id: $id, answer: $answer) {
      id
      answer
      answeredAt
      ...AdminComplaint
    }
  }
`);
