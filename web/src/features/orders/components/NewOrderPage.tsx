import { useMemo, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading, Money } from '../../../components/ui.js';
import { navigate, useLocation } from '../../../lib/router.js';
import { useReferenceNames } from '../../../lib/reference.js';
import { splitPrice } from '../../../lib/format.js';
import { useSession } from '../../../lib/session.js';
import { SignerError, createSigner, signerNote } from '../../../lib/signer.js';
import { CreateOrderMutation, OrderDocumentQuery, OrderReviewQuery } from '../api/review.js';

/** One idempotency key per (measure, offering) in this tab: a retry after a lost answer returns the same order. */
function idempotencyKey(measureId: string, offeringId: string): string {
  const slot = `aleumet.order-key.${measureId}.${offeringId}`;
  let key = sessionStorage.getItem(slot);
  if (!key) {
    key = `web-${crypto.randomUUID()}`;
    sessionStorage.setItem(slot, key);
  }
  return key;
}

/** Review the order document (measure, offering, price, state part, co-payment), sign it with the EDS, send it. */
export function NewOrderPage() {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const client = useClient();
  const session = useSession();
  const { search } = useLocation();
  const measureId = search.get('measure') ?? '';
  const offeringId = search.get('offering') ?? '';
  const key = useMemo(() => (measureId && offeringId ? idempotencyKey(measureId, offeringId) : ''), [measureId, offeringId]);
  const [res] = useQuery({ query: OrderReviewQuery, variables: { measureId, offeringId }, pause: !key });
  const [doc] = useQuery({ query: OrderDocumentQuery, variables: { measureId, offeringId, idempotencyKey: key }, pause: !key, requestPolicy: 'network-only' });
  const [created, createOrder] = useMutation(CreateOrderMutation);
  const [signerError, setSignerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const m = res.data?.measure;
  const o = res.data?.offering;
  const split = m && o ? splitPrice(o.price, m.guaranteedSum) : null;
  const document = doc.data?.orderDocument;

  async function sign() {
    if (!document || !session) return;
    setBusy(true);
    setSignerError(null);
    try {
      const signed = await createSigner(client).sign(session.iin, document, 'sign');
      const r = await createOrder({ input: { measureId, offeringId, idempotencyKey: key, document, signature: signed.signature, certificate: signed.certificatePem } });
      if (r.data) {
        sessionStorage.removeItem(`aleumet.order-key.${measureId}.${offeringId}`);
        navigate(`/orders?created=${encodeURIComponent(r.data.createOrder.number)}`);
      }
    } catch (err) {
      setSignerError(err instanceof SignerError ? t(`auth.signer.${err.code}`) : t('auth.signer.FAILED'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{t('orders.newTitle')}</h1>
      {(res.fetching || doc.fetching) && <Loading />}
      <ErrorMessage error={res.error ?? doc.error} />
      {m && o && split && (
        <section className="panel" aria-labelledby="doc-title">
          <h2 id="doc-title">{t('orders.document')}</h2>
          <dl className="facts">
            <dt>{t('orders.recipient')}</dt>
            <dd>{m.person.fullName}</dd>
            <dt>{t('cabinet.measure')}</dt>
            <dd>
              {t(`kind.${m.kind}`)}: {names.itemType(m.itemTypeCode)}
            </dd>
            <dt>{t('catalog.offering')}</dt>
            <dd>{o.title}</dd>
            <dt>{t('catalog.supplier')}</dt>
            <dd>{o.supplier.name}</dd>
            <dt>{t('catalog.delivery')}</dt>
            <dd>
              {t(`delivery.${o.deliveryMode}`)}, {t('common.days', { count: o.leadTimeDays })}
            </dd>
            <dt>{t('catalog.price')}</dt>
            <dd>
              <Money tiyn={o.price} />
            </dd>
            <dt>{t('catalog.guaranteedSum')}</dt>
            <dd>
              <Money tiyn={m.guaranteedSum} />
            </dd>
            <dt>{t('catalog.statePart')}</dt>
            <dd>
              <Money tiyn={split.statePart} />
            </dd>
            <dt>{t('catalog.coPayment')}</dt>
            <dd>
              <Money tiyn={split.coPayment} />
            </dd>
          </dl>
          <p>{t('orders.signExplained')}</p>
          {document && (
            <details>
              <summary>{t('orders.showDocument')}</summary>
              <pre className="document">{JSON.stringify(JSON.parse(document), null, 2)}</pre>
            </details>
          )}
          <p className="dev-note" role="note">
            {t(signerNote())}
          </p>
          <button type="button" onClick={sign} disabled={!document || busy || created.fetching}>
            {busy ? t('orders.signing') : t('orders.signAndOrder')}
          </button>
        </section>
      )}
      <ErrorMessage error={created.error} />
      {signerError && (
        <div className="error" role="alert">
          <p>{signerError}</p>
        </div>
      )}
    </>
  );
}
