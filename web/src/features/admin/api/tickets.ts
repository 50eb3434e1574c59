import { graphql } from '../../../gql/index.js';

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
