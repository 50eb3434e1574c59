import { useTranslation } from 'react-i18next';
import { Link } from '../../../lib/router.js';
import { RegistrationsToVerify } from './RegistrationsToVerify.js';
import { ComplaintsOverview, TicketsAtRisk } from './SupportOverview.js';
import { BreachReport, TicketDesk } from './TicketDesk.js';
import { SupplierSuspension } from './SupplierSuspension.js';

/** The administrator's desk: registrations to decide, tickets (at risk, each step, monthly breaches), complaints, supplier suspension. */
export function AdminPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p>
        <Link className="tap" href="/admin/content">{t('admin.toContent')}</Link>
      </p>
      <RegistrationsToVerify />
      <TicketsAtRisk />
      <TicketDesk />
      <BreachReport />
      <ComplaintsOverview />
      <SupplierSuspension />
    </>
  );
}
