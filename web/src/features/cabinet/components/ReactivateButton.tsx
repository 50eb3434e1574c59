import { useTranslation } from 'react-i18next';

/** Re-activation of a blocked measure (the API arrives with the order lifecycle). */
export function ReactivateButton({ label }: { measureId: string; version: number; label: string }) {
  const { t } = useTranslation();
  return (
    <span className="hint">
      {t('cabinet.blockedHint')}
      <span className="visually-hidden">: {label}</span>
    </span>
  );
}
