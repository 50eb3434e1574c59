import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Arg, Ctx, Field, InputType, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { LIMITS, Role, badInput, checkLength, forbidden, invalidSignature, isValidIin, signToken, unauthenticated, type Identity } from '@aleumet/core';
import { SignatureError, canonicalize, devSigningKey, verifySignedDocument } from '@aleumet/signing';
import { callSubgraph, serviceIdentity } from '@aleumet/runtime';
import { Person, Representation, StaffUser, RecipientCategory } from '../entities/index.js';
import { refreshPhone, signUpFromRegistry } from '../domain/sign-up.js';
import { actorOf, readPerson } from '../domain/registry-reads.js';
import { actingFilter } from '../domain/representations.js';
import { localDate } from '@aleumet/calendar';
import type { Context } from './context.js';

const SUPPLIER_BIN = `query($id: ID!) { supplier(id: $id) { bin } }`;

/**
 * Sign-in with the electronic signature (challenge/response):
 * 1. `signInChallenge(iin)` returns a small JSON document (purpose, IIN, nonce, expiry) whose nonce
 *    carries an HMAC, so any replica of this subgraph can check it without storing it;
 * 2. the user's EDS signs that document (in development: `developmentSigningKey`, below);
 * 3. `signIn` checks the HMAC and expiry, verifies the signature (`@aleumet/signing`: NCA RK chain,
 *    validity, revocation, authentication key, IIN in the certificate; the development CA outside production), refuses a nonce
 *    used before, and returns a JWT whose role and `represents` come from the people tables.
 */

const CHALLENGE_TTL_MS = 5 * 60_000;
const TOKEN_TTL_SECONDS = 12 * 3600;
const SECRET = process.env.SIGN_IN_SECRET ?? process.env.JWT_SECRET ?? randomBytes(32).toString('hex');
const isProduction = () => process.env.NODE_ENV === 'production';

// A nonce is single-use: remembered until it expires (per process; the HMAC bounds its lifetime).
const usedNonces = new Map<string, number>();
function markUsed(nonce: string, expiresAt: number): boolean {
  const now = Date.now();
  for (const [n, exp] of usedNonces) if (exp < now) usedNonces.delete(n);
  if (usedNonces.has(nonce)) return false;
  usedNonces.set(nonce, expiresAt);
  return true;
}

interface ChallengeDocument {
  purpose: 'sign-in';
  audience: 'aleumet';
  iin: string;
  nonce: string;
  expiresAt: string;
}

const mac = (iin: string, random: string, expiresAt: string) =>
  createHmac('sha256', SECRET).update(`sign-in|${iin}|${random}|${expiresAt}`).digest('base64url');

function parseChallenge(text: string): ChallengeDocument {
  let doc: ChallengeDocument;
  try {
    doc = JSON.parse(text) as ChallengeDocument;
  } catch {
    throw badInput('The sign-in document cannot be read', 'document');
  }
  const [random, given] = typeof doc?.nonce === 'string' ? doc.nonce.split('.') : [];
  if (doc?.purpose !== 'sign-in' || doc.audience !== 'aleumet' || typeof doc.iin !== 'string' || !random || !given || typeof doc.expiresAt !== 'string') {
    throw badInput('This is not a sign-in document of this portal', 'document');
  }
  const expected = Buffer.from(mac(doc.iin, random, doc.expiresAt));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw unauthenticated('The sign-in challenge was not issued by this portal');
  if (Date.parse(doc.expiresAt) < Date.now()) throw unauthenticated('The sign-in challenge has expired; request a new one');
  return { purpose: 'sign-in', audience: 'aleumet', iin: doc.iin, nonce: doc.nonce, expiresAt: doc.expiresAt };
}

@ObjectType({ description: 'A one-time document to sign with the electronic signature' })
class SignInChallenge {
  @Field(() => String, { description: 'Canonical JSON to sign (UTF-8 bytes), exactly as given' }) document!: string;
  @Field(() => String) nonce!: string;
  @Field(() => String, { description: 'ISO date-time after which the challenge is refused' }) expiresAt!: string;
}

export enum SignInAccount { PERSON = 'PERSON', STAFF = 'STAFF' }
registerEnumType(SignInAccount, {
  name: 'SignInAccount',
  description: 'Which account of an IIN to sign in to: the person (recipient, representative) or the staff account (supplier, department, admin)',
});

@InputType()
class SignInInput {
  @Field(() => String, { description: 'The challenge document, exactly as issued' }) document!: string;
  @Field(() => String, { description: "The national EDS signature: base64 (or PEM) CMS SignedData of the document's UTF-8 bytes, as NCALayer makes it with the authentication key. Development only: base64 ECDSA P-256/SHA-256 signature (raw r‖s) of the development signer" }) signature!: string;
  @Field(() => String, { description: 'PEM certificate of the development signer; empty for a CMS signature (it carries its certificate)' }) certificate!: string;
  @Field(() => SignInAccount, {
    nullable: true,
    description: 'When one IIN has both (e.g. a recipient who heads a supplier): which account. Default: the person if there is one, else the staff account',
  })
  account?: SignInAccount;
}

@ObjectType()
class SignInResult {
  @Field(() => String, { description: 'Bearer token for the API (12 hours)' }) token!: string;
  @Field(() => String, { description: 'RECIPIENT, REPRESENTATIVE, SUPPLIER, EMPLOYMENT_DEPARTMENT or ADMIN' }) role!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { nullable: true }) personId?: string;
  @Field(() => [String], { description: 'Persons the signed-in person may act for' }) represents!: string[];
}

@ObjectType({
  description:
    'DEVELOPMENT ONLY (refused when NODE_ENV=production): the development CA key of a seeded user, the stand-in for the national EDS desktop client',
})
class DevelopmentSigningKey {
  @Field(() => String, { description: 'ECDSA-P256-SHA256' }) algorithm!: string;
  @Field(() => String, { description: 'Base64 PKCS#8 private key' }) privateKeyPkcs8!: string;
  @Field(() => String) certificatePem!: string;
}

/** Role and represented persons come from the people tables, never from the client. */
async function identityFor(ctx: Context, iin: string, account?: SignInAccount): Promise<{ identity: Identity; displayName: string; until?: number }> {
  let until: number | undefined;
  let person = account === SignInAccount.STAFF ? null : await ctx.em.findOne(Person, { iin });
  const staff = account === SignInAccount.PERSON || person ? null : await ctx.em.findOne(StaffUser, { iin });
  // Nobody with this IIN yet: a person from the state registry gets a cabinet now (003 ¶4.3).
  if (!person && !staff && account !== SignInAccount.STAFF) person = await signUpFromRegistry(ctx.em, iin, ctx.runtime.clock.now());
  else if (person) await refreshPhone(ctx.em, person, ctx.runtime.clock.now());
  if (person) {
    const today = localDate(ctx.runtime.clock.now());
    const links = await ctx.em.find(Representation, { representativeId: person.id, ...actingFilter(today) });
    const represents = links.map((l) => l.principalId);
    // The token ends when the first of its representations does (the last day of its term, Almaty).
    const ends = links.map((l) => l.validTo).filter((d): d is string => !!d).sort()[0];
    if (ends) until = Date.parse(`${ends}T23:59:59+05:00`);
    const role = person.category === RecipientCategory.NONE && represents.length ? Role.REPRESENTATIVE : Role.RECIPIENT;
    return { identity: { sub: person.id, role, personId: person.id, represents, scopes: [] }, displayName: person.fullName, until };
  }
  if (staff) {
    const role = staff.role as unknown as Role;
    const identity: Identity = { sub: staff.id, role, represents: [], scopes: [] };
    if (staff.supplierId) identity.supplierId = staff.supplierId;
    if (staff.regionCode) identity.regionCode = staff.regionCode;
    return { identity, displayName: staff.fullName };
  }
  throw unauthenticated('No staff account with this IIN is registered on the portal');
}

@Resolver()
export class AuthResolver {
  @Mutation(() => SignInChallenge, { description: 'Step 1 of sign-in: a one-time document for the electronic signature' })
  signInChallenge(@Arg('iin', () => String) iin: string): SignInChallenge {
    if (!isValidIin(iin)) throw badInput('IIN must be 12 digits with a valid check digit and birth date', 'iin');
    const random = randomBytes(18).toString('base64url');
    const expiresAt = new Date(Date.now() + CHALLENGE_TTL_MS).toISOString();
    const doc: ChallengeDocument = { purpose: 'sign-in', audience: 'aleumet', iin, nonce: `${random}.${mac(iin, random, expiresAt)}`, expiresAt };
    const document = canonicalize(doc);
    return { document, nonce: doc.nonce, expiresAt };
  }

  @Mutation(() => SignInResult, { description: 'Step 2 of sign-in: the signed challenge, verified against the national CA (NCA RK) trust anchors' })
  async signIn(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: Context): Promise<SignInResult> {
    checkLength(input.document, 'document', LIMITS.document);
    checkLength(input.signature, 'signature', LIMITS.signature);
    checkLength(input.certificate, 'certificate', LIMITS.certificate);
    const challenge = parseChallenge(input.document);
    try {
      await verifySignedDocument(
        { document: input.document, signature: input.signature, certificate: input.certificate },
        // Sign-in takes the authentication key (NCA RK's AUTH_ certificate), never the signing key.
        // Signed after the challenge was issued, not in the future (a CMS signature's own signing time).
        { expectedIin: challenge.iin, expectedDocument: challenge, purpose: 'AUTH', notBefore: new Date(Date.parse(challenge.expiresAt) - CHALLENGE_TTL_MS) },
      );
    } catch (e) {
      if (e instanceof SignatureError) throw invalidSignature(e.reason, e.message);
      throw e;
    }
    if (!markUsed(challenge.nonce, Date.parse(challenge.expiresAt))) throw unauthenticated('This sign-in challenge was already used; request a new one');
    const { identity, displayName, until } = await identityFor(ctx, challenge.iin, input.account);
    const seconds = until === undefined ? TOKEN_TTL_SECONDS : Math.max(60, Math.min(TOKEN_TTL_SECONDS, Math.floor((until - Date.now()) / 1000)));
    return {
      token: await signToken(identity, `${seconds}s`),
      role: identity.role,
      displayName,
      personId: identity.personId,
      represents: identity.represents,
    };
  }

  @Query(() => DevelopmentSigningKey, {
    nullable: true,
    description: 'DEVELOPMENT ONLY: the dev EDS key of a seeded user (stand-in for the national EDS client); refused in production',
  })
  async developmentSigningKey(
    @Arg('iin', () => String) iin: string,
    @Arg('organization', () => Boolean, { nullable: true, description: "A supplier staff member's key in an organization certificate with the supplier's BIN (first head), as a supplier signs acceptance, refusal and acts" })
    organization: boolean | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<DevelopmentSigningKey | null> {
    if (isProduction()) throw forbidden('Development signing keys are not available in production');
    if (!isValidIin(iin)) throw badInput('IIN must be 12 digits with a valid check digit and birth date', 'iin');
    if (organization) {
      const staff = await ctx.em.findOne(StaffUser, { iin, supplierId: { $ne: null } });
      if (!staff?.supplierId) return null;
      const r = await callSubgraph<{ supplier: { bin: string | null } }>(ctx.runtime.peers.url('catalog'), serviceIdentity('people', ['catalog:read']), SUPPLIER_BIN, { id: staff.supplierId });
      if (!r.supplier.bin) return null;
      const key = await devSigningKey(iin, { bin: r.supplier.bin });
      return { algorithm: 'ECDSA-P256-SHA256', privateKeyPkcs8: key.pkcs8, certificatePem: key.certificate };
    }
    // Seeded users, and persons of the (demo) state registry who have not signed in yet.
    const known = (await ctx.em.count(Person, { iin })) + (await ctx.em.count(StaffUser, { iin }));
    // Read like every registry read: audited (registry-reads.ts), by whoever asks (the sign-in page: nobody yet).
    const asker = ctx.identity ? actorOf(ctx.identity) : { sub: 'anonymous', role: 'ANONYMOUS' };
    if (!known && !(await readPerson(ctx.em, asker, null, iin))) return null;
    const key = await devSigningKey(iin);
    return { algorithm: 'ECDSA-P256-SHA256', privateKeyPkcs8: key.pkcs8, certificatePem: key.certificate };
  }
}
