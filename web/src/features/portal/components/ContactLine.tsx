import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ContactCenterQuery } from '../api/portal.js';
import { serverLanguage } from '../../../lib/format.js';
import { Link } from '../../../lib/router.js';

/** The footer's contact-center phone (as the administrators published it) and a link to the FAQ. */
export function ContactLine() {
  const { t, i18n } = useTranslation();
  const [res] = useQuery({ query: ContactCenterQuery, variables: { language: serverLanguage(i18n.language) } });
  const contact = res.data?.contactCenter;
  return (
    <p>
      {contact && (
        <>
          {t('portal.contactCenter')}: <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>
          {contact.hours && <> ({contact.hours.text})</>}.{' '}
        </>
      )}
      <Link href="/help">{t('portal.helpLink')}</Link>
    </p>
  );
}
