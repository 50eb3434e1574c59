import { useMemo, useState, type FormEvent } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading, Money, PriceSplit, TextArea, TextField } from '../../../components/ui.js';
import { navigate, useLocation } from '../../../lib/router.js';
import { useReferenceNames } from '../../../lib/reference.js';
import { serverLanguage, splitPrice } from '../../../lib/format.js';
import { errorField } from '../../../lib/errors.js';
import { useSession } from '../../../lib/session.js';
import { SignerError, createSigner, signerNote } from '../../../lib/signer.js';
import { CreateOrderMutation, OrderDocumentQuery, OrderReviewQuery } from '../api/review.js';
import type { HandoverMethod } from '../../../gql/graphql.js';
import { useOfferingText } from '../../../lib/localized.js';

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

interface Choices {
  handover: HandoverMethod | null;
  delivery: { address: string; phone: string; window: string; comment: string } | null;
  /** Sanatorium treatment (S3): the stay's first and last day. */
  stay: { from: string; to: string } | null;
}

/** The text of a language-suffixed field (`indicationsKk`, `indicationsRu`, `indicationsEn`) in the page's language. */
function localized(o: Record<string, unknown>, field: string, language: string): string | null {
  const suffix = language.startsWith('kk') ? 'Kk' : language.startsWith('en') ? 'En' : 'Ru';
  const v = o[`${field}${suffix}`];
  return typeof v === 'string' ? v : null;
}

/**
 * Review the order (measure, offering, price, state part, co-payment), choose delivery or pickup and give the
 * delivery details (address: the registered one unless changed), then read the document in one's own language,
 * sign it with the EDS and send it.
 */
export function NewOrderPage() {
  const { t, i18n } = useTranslation();
  const offeringText = useOfferingText();
  const names = useReferenceNames();
  const client = useClient();
  const session = useSession();
  const { search } = useLocation();
  const measureId = search.get('measure') ?? '';
  const offeringId = search.get('offering') ?? '';
  const key = useMemo(() => (measureId && offeringId ? idempotencyKey(measureId, offeringId) : ''), [measureId, offeringId]);
  const [res] = useQuery({ query: OrderReviewQuery, variables: { measureId, offeringId }, pause: !key });
  const [choices, setChoices] = useState<Choices | null>(null);
  const [doc] = useQuery({
    query: OrderDocumentQuery,
    variables: { measureId, offeringId, idempotencyKey: key, handover: choices?.handover ?? null, language: serverLanguage(i18n.language), delivery: choices?.delivery ?? null, stay: choices?.stay ?? null },
    pause: !key || !choices,
    requestPolicy: 'network-only',
  });
  const [created, createOrder] = useMutation(CreateOrderMutation);
  const [signerError, setSignerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [handover, setHandover] = useState<HandoverMethod | null>(null);
  const m = res.data?.measure;
  const o = res.data?.offering;
  const split = m && o ? splitPrice(o.price, m.guaranteedSum) : null;
  const document = choices ? doc.data?.orderDocument : undefined;
  const text = useMemo(() => (document ? (JSON.parse(document) as { text?: string }).text ?? null : null), [document]);
  // Aids: what the offering allows; with both, the recipient picks (delivery first).
  const allowed: HandoverMethod[] = !o?.deliveryMode ? [] : o.deliveryMode === 'BOTH' ? ['DELIVERY', 'PICKUP'] : [o.deliveryMode];
  const method = handover ?? allowed[0] ?? null;
  const badField = errorField(doc.error);
  const fieldError = (name: string) => (badField === `delivery.${name}` ? t(`orders.invalid.${name}`) : null);
  const stayError = badField?.startsWith('stay') ? t('orders.invalid.stay') : null;
  // NOT_ELIGIBLE: the rule that refused it (S3 once a year, no electric wheelchair under 6), in the person's words.
  const refusal = doc.error?.graphQLErrors[0]?.extensions?.reason;
  const refusalText = typeof refusal === 'string' && ['S3_ONCE_A_YEAR', 'S6_ELECTRIC_UNDER_6'].includes(refusal) ? t(`orders.notEligible.${refusal}`) : null;
  const indications = m?.kind === 'S6' ? m.itemType : null;

  function prepare(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    setChoices({
      handover: method,
      delivery: method === 'DELIVERY' ? { address: value('address'), phone: value('phone'), window: value('window'), comment: value('comment') } : null,
      stay: m?.kind === 'S3' ? { from: value('stayFrom'), to: value('stayTo') } : null,
    });
  }

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
      {refusalText ? (
        <div className="error" role="alert">
          <p>{refusalText}</p>
        </div>
      ) : (
        <ErrorMessage error={res.error ?? doc.error} />
      )}
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
            <dd>{offeringText.title(o)}</dd>
            <dt>{t('catalog.supplier')}</dt>
            <dd>{o.supplier.name}</dd>
            <dt>{t('catalog.leadTime')}</dt>
            <dd>{t('common.days', { count: o.leadTimeDays })}</dd>
            <dt>{t('catalog.price')}</dt>
            <dd>
              <Money tiyn={o.price} />
            </dd>
            <dt>{t('catalog.guaranteedSum')}</dt>
            <dd>
              <Money tiyn={m.guaranteedSum} />
            </dd>
            <PriceSplit statePart={split.statePart} coPayment={split.coPayment} />
          </dl>
          {indications?.indicationsEn && (
            <details className="indications">
              <summary>{t('orders.indications')}</summary>
              <p>{localized(indications, 'indications', i18n.language)}</p>
              <h3 className="h4">{t('orders.contraindications')}</h3>
              <p>{localized(indications, 'contraindications', i18n.language)}</p>
              {indications.minAgeYears != null && <p className="hint">{t('orders.minAge', { age: indications.minAgeYears })}</p>}
            </details>
          )}
          <form onSubmit={prepare} onChange={() => setChoices(null)} noValidate>
            {allowed.length > 1 && (
              <fieldset>
                <legend>{t('orders.handover')}</legend>
                {allowed.map((h) => (
                  <label key={h} className="checkbox">
                    <input type="radio" name="handover" value={h} checked={method === h} onChange={() => setHandover(h)} /> {t(`delivery.${h}`)}
                  </label>
                ))}
              </fieldset>
            )}
            {allowed.length === 1 && (
              <p>
                {t('orders.handover')}: {t(`delivery.${allowed[0]}`)}
              </p>
            )}
            {method === 'DELIVERY' && (
              <fieldset>
                <legend>{t('orders.deliveryDetails')}</legend>
                <TextArea label={t('orders.deliveryAddress')} name="address" defaultValue={m.person.address ?? ''} hint={t('orders.addressHint')} error={fieldError('address')} maxLength={500} rows={2} required autoComplete="street-address" />
                <TextField label={t('orders.contactPhone')} name="phone" type="tel" defaultValue={m.person.phone ?? ''} error={fieldError('phone')} autoComplete="tel" inputMode="tel" />
                <TextField label={t('orders.deliveryWindow')} name="window" hint={t('orders.windowHint')} error={fieldError('window')} maxLength={200} />
                <TextArea label={t('orders.deliveryComment')} name="comment" error={fieldError('comment')} maxLength={1000} rows={2} />
              </fieldset>
            )}
            {m.kind === 'S3' && (
              <fieldset>
                <legend>{t('orders.stay')}</legend>
                <p className="hint">{t('orders.stayHint')}</p>
                <TextField label={t('orders.stayFrom')} name="stayFrom" type="date" error={stayError} required />
                <TextField label={t('orders.stayTo')} name="stayTo" type="date" error={stayError} required />
              </fieldset>
            )}
            <button type="submit" className={choices ? 'secondary' : undefined}>
              {t('orders.prepareDocument')}
            </button>
          </form>
          {text && (
            <>
              <h3>{t('orders.documentToSign')}</h3>
              <pre className="document" lang={i18n.language}>
                {text}
              </pre>
              <p>{t('orders.signExplained')}</p>
              <details>
                <summary>{t('orders.showDocument')}</summary>
                <pre className="document">{JSON.stringify(JSON.parse(document!), null, 2)}</pre>
              </details>
              <p className="dev-note" role="note">
                {t(signerNote())}
              </p>
              <button type="button" onClick={sign} disabled={!document || busy || created.fetching}>
                {busy ? t('orders.signing') : t('orders.signAndOrder')}
              </button>
            </>
          )}
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
