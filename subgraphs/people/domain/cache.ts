import { cacheTags } from '@aleumet/cache-tags';

/**
 * What people answers depend on besides rows (CONTRIBUTING.md, the cache contract): the contact center's
 * phone and the FAQ texts read the same for everyone (the FAQ list is not: admins may include drafts);
 * everything else is the caller's own. Complaint and ticket deadlines and the maintenance banner are
 * computed from the clock.
 */
export const cache = cacheTags({
  public: ['Query.contactCenter', 'PortalContact', 'FaqEntry', 'PortalArticle', 'LocalizedText'],
  time: [
    'Query.activeMaintenanceNotices', 'Query.complaints', 'Complaint.overdue',
    'Query.ticketsAtRisk', 'Query.ticketBreachReport', 'FailureTicket.clocks',
    // Who may act for whom today (a representation's term).
    'Person.principals', 'Person.representatives', 'Query.internalRepresentations',
  ],
});
