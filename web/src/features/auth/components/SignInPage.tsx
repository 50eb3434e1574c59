import { useRef, useState, type FormEvent } from 'react';
import { useClient, useMutation, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { SignInChallengeMutation, SignInMutation } from '../api/auth.js';
import { ErrorMessage, TextField } from '../../../components/ui.js';
import { SignerError, createSigner, signerNote } from '../../../lib/signer.js';
import { decodeClaims, setSession } from '../../../lib/session.js';
import { homeFor } from '../../../lib/feature.js';
import { navigate } from '../../../lib/router.js';
import { resetSubscriptions } from '../../../lib/urql.js';
import { errorField } from '../../../lib/errors.js';
import { isValidIin } from '../../../lib/iin.js';

/** Sign-in by IIN and electronic signature: the server issues a one-time challenge, the signer signs it, the server verifies it. */
export function SignInPage() {
  const { t } = useTranslation();
  const client = useClient();
  const [challengeRes, requestChallenge] = useMutation(SignInChallengeMutation);
  const [signInRes, signIn] = useMutation(SignInMutation);
  const [iin, setIin] = useState('');
  const [iinError, setIinError] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<string | null>(null);
  const [signerError, setSignerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signButton = useRef<HTMLButtonElement>(null);

  async function start(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const value = iin.replace(/\s/g, '');
    // 12 digits with a valid check digit and birth date: a mistyped digit is marked at the field.
    if (!isValidIin(value)) {
      setIinError(t('auth.iinInvalid'));
      return;
    }
    setIinError(null);
    const res = await requestChallenge({ iin: value });
    if (res.data) {
      setChallenge(res.data.signInChallenge.document);
      // The next step's button takes focus so keyboard and screen-reader users continue there.
      setTimeout(() => signButton.current?.focus(), 0);
    }
  }

  async function sign() {
    if (!challenge) return;
    setBusy(true);
    setSignerError(null);
    try {
      const signed = await createSigner(client).sign(iin.replace(/\s/g, ''), challenge, 'auth');
      const res = await signIn({ input: { document: challenge, signature: signed.signature, certificate: signed.certificatePem } });
      if (res.data) {
        const { token, displayName } = res.data.signIn;
        const claims = decodeClaims(token);
        resetSubscriptions();
        setSession({ token, claims, displayName, iin: iin.replace(/\s/g, '') });
        navigate(homeFor(claims.role));
      }
    } catch (err) {
      setSignerError(err instanceof SignerError ? t(`auth.signer.${err.code}`) : t('auth.signer.FAILED'));
    } finally {
      setBusy(false);
    }
  }

  const error: CombinedError | undefined = challengeRes.error ?? signInRes.error;
  return (
    <>
      <h1>{t('auth.title')}</h1>
      <p>{t('auth.intro')}</p>
      <form onSubmit={start} className="panel narrow" aria-labelledby="step1">
        <h2 id="step1">{t('auth.step1')}</h2>
        <TextField
          label={t('auth.iin')}
          name="iin"
          inputMode="numeric"
          autoComplete="username"
          maxLength={14}
          hint={t('auth.iinHint')}
          value={iin}
          error={iinError ?? (errorField(challengeRes.error) === 'iin' ? t('auth.iinInvalid') : null)}
          onChange={(e) => {
            setIin(e.target.value);
            setChallenge(null);
          }}
          required
        />
        <button type="submit" disabled={challengeRes.fetching}>
          {t('auth.continue')}
        </button>
      </form>
      {challenge && (
        <section className="panel narrow" aria-labelledby="step2">
          <h2 id="step2">{t('auth.step2')}</h2>
          <p>{t('auth.signExplained')}</p>
          <pre className="document" aria-label={t('auth.challenge')}>
            {challenge}
          </pre>
          <p className="dev-note" role="note">
            {t(signerNote())}
          </p>
          <button type="button" ref={signButton} onClick={sign} disabled={busy}>
            {busy ? t('auth.signing') : t('auth.sign')}
          </button>
        </section>
      )}
      <ErrorMessage error={error} />
      {signerError && (
        <div className="error" role="alert">
          <p>{signerError}</p>
        </div>
      )}
    </>
  );
}
