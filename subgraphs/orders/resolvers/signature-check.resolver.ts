import { Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { SignatureError, verifySignedDocument } from '@aleumet/signing';
import { Order } from '../entities/index.js';

@ObjectType({ description: "The order's stored signature checked again: the certificate's validity and status at the signing time" })
class SignatureCheck {
  @Field(() => Boolean) valid!: boolean;
  @Field(() => String, { nullable: true, description: 'Why it is not valid: the reasons of INVALID_SIGNATURE (e.g. BAD_SIGNATURE, REVOKED_CERTIFICATE)' }) reason!: string | null;
  @Field(() => String, { nullable: true, description: 'IIN in the signer certificate' }) signerIin!: string | null;
  @Field(() => Date, { description: 'The signing time the certificate was checked at (when the order was placed)' }) signedAt!: Date;
  @Field(() => String, { nullable: true, description: 'How the certificate status was checked: OCSP, CRL, NONE; null for the development signer' }) revocationSource!: string | null;
}

@Resolver(() => Order)
export class SignatureCheckResolver {
  @FieldResolver(() => SignatureCheck, {
    nullable: true,
    description: 'Verifies the stored signed order form again (signature, chain and revocation at the signing time, signer); null once the form was removed at retention',
  })
  async signatureCheck(@Root() o: Order): Promise<SignatureCheck | null> {
    if (!o.signedDocument || !o.signature) return null;
    const base = { signedAt: o.createdAt, signerIin: o.signerIin ?? null };
    try {
      const v = await verifySignedDocument(
        { document: o.signedDocument, signature: o.signature, certificate: o.signerCertificate ?? '' },
        // The OCSP answer kept at signing is read again: it vouches after the certificate expired.
        { expectedIin: o.signerIin ?? undefined, at: o.createdAt, purpose: 'SIGN', roles: ['INDIVIDUAL'], evidence: o.signatureEvidence ? JSON.parse(o.signatureEvidence) : undefined },
      );
      return { ...base, valid: true, reason: null, signerIin: v.iin, revocationSource: v.revocation?.source ?? null };
    } catch (e) {
      if (e instanceof SignatureError) return { ...base, valid: false, reason: e.reason, revocationSource: null };
      throw e;
    }
  }
}
