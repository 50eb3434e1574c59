import { defineFeature, lazyPage, refetchLists } from '../../lib/feature.js';

const ADMIN = ['ADMIN'] as const;
const registrations = refetchLists('supplierRegistrations', 'suppliers');
const faq = refetchLists('faqEntries');
const notices = refetchLists('maintenanceNotices', 'activeMaintenanceNotices');

export const admin = defineFeature({
  name: 'admin',
  routes: [
    { path: '/admin', title: 'admin.title', roles: ADMIN, nav: 'admin.nav', homeOf: ADMIN, page: lazyPage(() => import('./components/AdminPage.js'), 'AdminPage') },
    { path: '/admin/content', title: 'content.title', roles: ADMIN, nav: 'content.nav', page: lazyPage(() => import('./components/ContentPage.js'), 'ContentPage') },
  ],
  updates: {
    verifySupplier: registrations,
    rejectSupplier: refetchLists('supplierRegistrations'),
    suspendSupplier: registrations,
    reinstateSupplier: registrations,
    forwardComplaint: refetchLists('complaints'),
    answerComplaint: refetchLists('complaints'),
    recordTicketStep: refetchLists('ticketsAtRisk', 'ticketBreachReport'),
    saveFaqEntry: faq,
    deleteFaqEntry: faq,
    saveMaintenanceNotice: notices,
    deleteMaintenanceNotice: notices,
    setContactCenter: refetchLists('contactCenter'),
  },
});
