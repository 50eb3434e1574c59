import { graphql } from '../../../gql/index.js';

/** The recipient's complaints and failure reports with their status and deadlines. */
export const MySupportQuery = graphql(`
  query MySupport($complaintsAfter: String, $ticketsAfter: String) {
    complaints(first: 50, after: $complaintsAfter) {
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
      }
    }
    failureTickets(first: 50, after: $ticketsAfter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        number
        status
        description
        reportedAt
        decision
        plannedFixAt
        closedAt
        attachments {
          id
          fileName
        }
      }
    }
  }
`);

/** A screenshot or document for a report (003 ¶15.1). */
export const AttachToTicketMutation = graphql(`
  mutation AttachToFailureTicket($ticketId: ID!, $input: TicketAttachmentInput!) {
    attachToFailureTicket(ticketId: $ticketId, input: $input) {
      id
      fileName
      contentType
      size
    }
  }
`);

/** What a complaint can be about: the recipient's orders (with their suppliers) and the suppliers of its region. */
export const ComplaintTargetsQuery = graphql(`
  query ComplaintTargets($personId: ID!, $ordersAfter: String) {
    person(id: $personId) {
      id
      regionCode
    }
    orders(first: 50, after: $ordersAfter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        number
        recipient {
          id
        }
        offering {
          id
          supplier {
            id
            name
          }
        }
      }
    }
  }
`);

export const RegionSuppliersQuery = graphql(`
  query RegionSuppliers($regionCode: String!, $after: String) {
    suppliers(regionCode: $regionCode, first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
      }
    }
  }
`);

export const FileComplaintMutation = graphql(`
  mutation FileComplaint($input: ComplaintInput!) {
    fileComplaint(input: $input) {
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
    }
  }
`);

export const ReportFailureMutation = graphql(`
  mutation ReportFailure($input: ReportFailureInput!) {
    reportFailure(input: $input) {
      id
      number
      status
      description
      reportedAt
      decision
      closedAt
    }
  }
`);
