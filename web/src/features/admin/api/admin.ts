import { graphql } from '../../../gql/index.js';

/** Registrations submitted and waiting for a decision. */
export const RegistrationsToVerifyQuery = graphql(`
  query RegistrationsToVerify($after: String) {
    supplierRegistrations(status: SUBMITTED, first: 40, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...Registration
      }
    }
  }
`);

export const VerifySupplierMutation = graphql(`
  mutation VerifySupplier($id: ID!) {
    verifySupplier(id: $id) {
      id
      status
      decidedAt
      registryChecks {
        check
        passed
        reason
        checkedAt
      }
    }
  }
`);

export const RejectSupplierMutation = graphql(`
  mutation RejectSupplier($id: ID!, $reason: String!) {
    rejectSupplier(id: $id, reason: $reason) {
      id
      status
      decidedAt
      rejectionReason
    }
  }
`);

export const TicketClockFragment = graphql(`
  fragment TicketClock on TicketClockView {
    step
    dueAt
    doneAt
    state
    remainingWorkingMinutes
  }
`);

/** Open tickets with a clock at 75 % of its allowance or past it. */
export const TicketsAtRiskQuery = graphql(`
  query TicketsAtRisk($after: String) {
    ticketsAtRisk(first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        number
        status
        reporterName
        description
        reportedAt
        clocks {
          ...TicketClock
        }
      }
    }
  }
`);

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

/** Portal content as administrators manage it: every FAQ entry and notice, in all three languages. */
export const AdminContentQuery = graphql(`
  query AdminContent($faqAfter: String, $noticesAfter: String) {
    faqEntries(includeUnpublished: true, first: 100, after: $faqAfter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        position
        published
        questionKk
        questionRu
        questionEn
        answerKk
        answerRu
        answerEn
      }
    }
    maintenanceNotices(first: 50, after: $noticesAfter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        startsAt
        endsAt
        textKk
        textRu
        textEn
      }
    }
    contactCenter {
      phone
      hoursKk
      hoursRu
      hoursEn
      updatedAt
    }
  }
`);

export const SaveFaqEntryMutation = graphql(`
  mutation SaveFaqEntry($id: ID, $input: FaqEntryInput!) {
    saveFaqEntry(id: $id, input: $input) {
      id
      position
      published
      questionKk
      questionRu
      questionEn
      answerKk
      answerRu
      answerEn
    }
  }
`);

export const DeleteFaqEntryMutation = graphql(`
  mutation DeleteFaqEntry($id: ID!) {
    deleteFaqEntry(id: $id)
  }
`);

export const SaveNoticeMutation = graphql(`
  mutation SaveMaintenanceNotice($id: ID, $input: MaintenanceNoticeInput!) {
    saveMaintenanceNotice(id: $id, input: $input) {
      id
      startsAt
      endsAt
      textKk
      textRu
      textEn
    }
  }
`);

export const DeleteNoticeMutation = graphql(`
  mutation DeleteMaintenanceNotice($id: ID!) {
    deleteMaintenanceNotice(id: $id)
  }
`);

export const SetContactCenterMutation = graphql(`
  mutation SetContactCenter($input: ContactCenterInput!) {
    setContactCenter(input: $input) {
      phone
      hoursKk
      hoursRu
      hoursEn
      updatedAt
    }
  }
`);

/** A ticket as the desk shows it: every clock (deadline, met or not) and the steps recorded so far. */
export const DeskTicketFragment = graphql(`
  fragment DeskTicket on FailureTicket {
    id
    number
    status
    reporterName
    description
    reportedAt
    escalate
    fixRequired
    decision
    clocks {
      ...TicketClock
    }
    steps {
      id
      step
      at
      note
    }
  }
`);

/** Open tickets (by status), to record their next step. */
export const DeskTicketsQuery = graphql(`
  query DeskTickets($status: TicketStatus, $after: String) {
    failureTickets(status: $status, first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...DeskTicket
      }
    }
  }
`);

export const RecordTicketStepMutation = graphql(`
  mutation RecordTicketStep($id: ID!, $input: TicketStepInput!) {
    recordTicketStep(id: $id, input: $input) {
      id
      ...DeskTicket
    }
  }
`);

/** Service-level breaches in one month, per clock. */
export const TicketBreachReportQuery = graphql(`
  query TicketBreachReport($year: Int!, $month: Int!) {
    ticketBreachReport(year: $year, month: $month) {
      year
      month
      due
      breached
      byStep {
        step
        due
        breached
      }
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

export const AdminSupplierFragment = graphql(`
  fragment AdminSupplier on Supplier {
    id
    name
    bin
    iin
    status
    decidedAt
    suspendedAt
    suspensionReason
  }
`);

/** Verified suppliers (may be suspended) and suspended ones (may be reinstated). */
export const SuppliersToManageQuery = graphql(`
  query SuppliersToManage($verifiedAfter: String, $suspendedAfter: String) {
    verified: supplierRegistrations(status: VERIFIED, first: 100, after: $verifiedAfter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...AdminSupplier
      }
    }
    suspended: supplierRegistrations(status: SUSPENDED, first: 100, after: $suspendedAfter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        ...AdminSupplier
      }
    }
  }
`);

export const SuspendSupplierMutation = graphql(`
  mutation SuspendSupplier($id: ID!, $reason: String!) {
    suspendSupplier(id: $id, reason: $reason) {
      id
      ...AdminSupplier
    }
  }
`);

export const ReinstateSupplierMutation = graphql(`
  mutation ReinstateSupplier($id: ID!) {
    reinstateSupplier(id: $id) {
      id
      ...AdminSupplier
    }
  }
`);
