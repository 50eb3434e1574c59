import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/ui.js';
import { ReactivateMeasureMutation } from '../api/reactivate.js';

/** A measure blocked after two months without a choice can be re-activated: the choice window restarts. */
export function ReactivateButton({ measureId, version, label }: { measureId: string; version: number; label: string }) {
  const { t } = useTranslation();
  const [res, reactivate] = useMutation(ReactivateMeasureMutation);
  return (
    <>
      <p className="hint">{t('cabinet.blockedHint')}</p>
      <button type="button" onClick={() => reactivate({ id: measureId, version })} disabled={res.fetching}>
        {t('cabinet.reactivate')}
        <span className="visually-hidden">: {label}</span>
      </button>
      <p role="status" className="success">
        {res.data ? t('cabinet.reactivated') : ''}
      </p>
      <ErrorMessage error={res.error} />
    </>
  );
}
