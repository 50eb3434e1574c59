import { useTranslation } from 'react-i18next';
import { Empty } from '../../../components/ui.js';

/** S1/S2 service journals and monthly acts (the API arrives with the order lifecycle). */
export function JournalsPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('journals.title')}</h1>
      <Empty>{t('journals.unavailable')}</Empty>
    </>
  );
}
