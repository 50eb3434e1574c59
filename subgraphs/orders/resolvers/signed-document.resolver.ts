import { Arg, Args, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { assertAccess, badInput, isUuid, notFound, requireIdentity } from '@aleumet/core';
import { ConnectionType, PageArgs, paginateLoaded } from '@aleumet/subgraph-kit';
import { Order, ServiceAct, SignedDocument, SignedDocumentKind } from '../entities/index.js';
import { reverify } from '../domain/signed-documents.js';
import { SCOPE } from './order.resolver.js';
import type { Context } from './context.js';

const SignedDocumentConnection = ConnectionType('SignedDocument', SignedDocument);

@ObjectType({ description: 'A stored signed document verified again, as of its signing time' })
class SignedDocumentVerification {
  @Field(() => ID) documentId!: string;
  @Field(() => SignedDocumentKind) kind!: SignedDocumentKind;
  @Field(() => Boolean) valid!: boolean;
  @Field(() => String, { nullable: true, description: 'Why it is not valid: a reason of INVALID_SIGNATURE (BAD_SIGNATURE, REVOKED_CERTIFICATE, …)' }) reason!: string | null;
  @Field(() => String) signerIin!: string;
  @Field(() => String, { nullable: true }) signerBin!: string | null;
  @Field(() => [String], { description: "The holder's NCA RK roles" }) signerRoles!: string[];
  @Field(() => Date, { description: 'The signing time the certificate was judged at' }) signedAt!: Date;
  @Field(() => String, { description: 'TIMESTAMP, SIGNED_ATTRIBUTE or VERIFIER' }) signingTimeSource!: string;
  @Field(() => String, { nullable: true, description: "The signer's certificate serial number (hex)" }) certificateSerial!: string | null;
  @Field(() => Date, { nullable: true }) certificateNotAfter!: Date | null;
  @Field(() => String, { nullable: true, description: 'How revocation was judged: OCSP (the answer kept at signing), CRL, NONE; null for the development signer or when invalid' })
  revocationSource!: string | null;
  @Field(() => Date, { nullable: true, description: "When NCA RK's OCSP responder made the answer kept as evidence" }) ocspProducedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The DER OCSP answer kept as evidence, base64' }) ocspResponse!: string | null;
  @Field(() => [String], { description: 'How the intermediate certificates’ revocation was judged, issuer first' }) intermediateRevocation!: string[];
}

async function readable(ctx: Context, id: string): Promise<SignedDocument> {
  requireIdentity(ctx.identity);
  if (!isUuid(id)) throw badInput('Signed document id must be a UUID', 'id');
  const d = await ctx.em.findOne(SignedDocument, id);
  if (!d) throw notFound('SignedDocument', id);
  assertAccess(ctx.identity, d, SCOPE);
  return d;
}

/** The signed documents of orders and acts: download (document, signature, certificate) and verify again later. */
@Resolver(() => SignedDocument)
export class SignedDocumentResolver {
  @Query(() => SignedDocument, { description: 'A signed document of an order or act, with its signature and certificate (for download)' })
  signedDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return readable(ctx, id);
  }

  @Query(() => SignedDocumentVerification, {
    description: 'Verifies a stored signed document again: signature, chain and signer at the signing time, revocation from the OCSP answer kept at signing — valid after the certificate expired',
  })
  async verifySignedDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SignedDocumentVerification> {
    const d = await readable(ctx, id);
    const r = await reverify(d);
    return {
      documentId: d.id, kind: d.kind, valid: r.valid, reason: r.reason, signerIin: d.signerIin, signerBin: d.signerBin ?? null, signerRoles: d.signerRoles,
      signedAt: d.signedAt, signingTimeSource: d.signingTimeSource, certificateSerial: d.certificateSerial ?? null, certificateNotAfter: r.certificateNotAfter,
      revocationSource: r.revocationSource, ocspProducedAt: r.ocspProducedAt, ocspResponse: r.ocspResponse, intermediateRevocation: r.intermediateRevocationSources,
    };
  }
}

@Resolver(() => Order)
export class OrderSignedDocumentsResolver {
  @FieldResolver(() => SignedDocumentConnection, { description: "Signed documents of the order and its acts, oldest first: the recipient's application, the supplier's answer and acts, the department's decisions" })
  async signedDocuments(@Root() o: Order, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return paginateLoaded(await ctx.loaders.signedByOrder.load(o.id), page);
  }
}

@Resolver(() => ServiceAct)
export class ActSignedDocumentsResolver {
  @FieldResolver(() => SignedDocumentConnection, { description: "Signed documents of the act, oldest first: the supplier's submissions, the department's approval or return" })
  async signedDocuments(@Root() a: ServiceAct, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return paginateLoaded((await ctx.loaders.signedByOrder.load(a.orderId)).filter((d) => d.actId === a.id), page);
  }
}
