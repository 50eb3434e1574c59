import { cacheTags } from '@aleumet/cache-tags';

/**
 * What people answers depend on besides rows (CONTRIBUTING.md, the cache contract): everything is the
 * caller's own; complaint and ticket deadlines and the maintenance banner are computed from the clock.
 */
export const cache = cacheTags({
  time: [
    'Query.activeMaintenanceNotices', 'Query.complaints', 'Complaint.overdue',
    'Query.ticketsAtRisk', 'Query.ticketBreachReport', 'FailureTicket.clocks',
  ],
});
