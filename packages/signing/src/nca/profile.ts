import * as x509 from '@peculiar/x509';

/**
 * The identity NCA RK (НУЦ РК) writes into its end-entity certificates:
 * - subject serialNumber (2.5.4.5) `IIN<12 digits>` — the holder;
 * - subject organizationalUnitName (2.5.4.11) `BIN<12 digits>` — the organization, legal-entity certificates only;
 * - extended key usage: the key's purpose (client authentication for the AUTH key, e-mail protection for
 *   the signing key, RSA_/GOST_ key pairs come in such pairs) and the holder's role under 1.2.398.3.3.4.
 * The OIDs are the ones NCALayer's own certificate filters use (ncalayer-js-client `basicsSigner*`).
 */
export const OID = {
  serialNumber: '2.5.4.5',
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  givenName: '2.5.4.42',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
  individual: '1.2.398.3.3.4.1.1',
  legalEntity: '1.2.398.3.3.4.1.2',
  firstHead: '1.2.398.3.3.4.1.2.1',
  signatory: '1.2.398.3.3.4.1.2.2',
  financeSignatory: '1.2.398.3.3.4.1.2.3',
  hrOfficer: '1.2.398.3.3.4.1.2.4',
  employee: '1.2.398.3.3.4.1.2.5',
} as const;

/** Who the holder is, as the certificate's extended key usage says. */
export type NcaRole = 'INDIVIDUAL' | 'LEGAL_ENTITY' | 'FIRST_HEAD' | 'SIGNATORY' | 'FINANCE_SIGNATORY' | 'HR_OFFICER' | 'EMPLOYEE';
/** AUTH: the authentication key (sign-in); SIGN: the signing key (documents). */
export type KeyPurpose = 'AUTH' | 'SIGN';

const ROLE_BY_OID: Record<string, NcaRole> = {
  [OID.individual]: 'INDIVIDUAL',
  [OID.legalEntity]: 'LEGAL_ENTITY',
  [OID.firstHead]: 'FIRST_HEAD',
  [OID.signatory]: 'SIGNATORY',
  [OID.financeSignatory]: 'FINANCE_SIGNATORY',
  [OID.hrOfficer]: 'HR_OFFICER',
  [OID.employee]: 'EMPLOYEE',
};

export interface NcaIdentity {
  iin: string | null;
  bin: string | null;
  commonName: string;
  organization: string | null;
  roles: NcaRole[];
  /** Purposes the key may serve; both when the certificate allows both (never in NCA RK's profile). */
  purposes: KeyPurpose[];
}

export function extendedKeyUsages(cert: x509.X509Certificate): string[] {
  const ext = cert.getExtension(x509.ExtendedKeyUsageExtension);
  return ext ? ext.usages.map(String) : [];
}

export function readIdentity(cert: x509.X509Certificate): NcaIdentity {
  const field = (oid: string) => cert.subjectName.getField(oid);
  const iin = field(OID.serialNumber).map((v) => /^IIN(\d{12})$/.exec(v)?.[1]).find(Boolean) ?? null;
  const bin = field(OID.organizationalUnit).map((v) => /^BIN(\d{12})$/.exec(v)?.[1]).find(Boolean) ?? null;
  const ekus = extendedKeyUsages(cert);
  const purposes: KeyPurpose[] = [];
  if (ekus.includes(OID.clientAuth)) purposes.push('AUTH');
  if (ekus.includes(OID.emailProtection)) purposes.push('SIGN');
  return {
    iin,
    bin,
    commonName: field(OID.commonName)[0] ?? '',
    organization: field(OID.organization)[0] ?? null,
    roles: ekus.map((o) => ROLE_BY_OID[o]).filter((r): r is NcaRole => !!r),
    purposes,
  };
}
