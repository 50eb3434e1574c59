import { Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';

type Signed = 'supplierSignedDocument' | 'supplierSignature' | 'supplierSignerCertificate' | 'supplierSignerIin' | 'supplierSignerBin' | 'supplierSignatureEvidence';

/**
 * What the supplier signed with its EDS and who signed it, kept with the order (acceptance or refusal:
 * seeds 004 ¶28, ¶30, ¶83) and with the act (004 ¶42): domain/supplier-signature.ts.
 */
// Not emitted on its own (like BaseEntity): its fields appear on Order and ServiceAct.
@ObjectType()
export abstract class SupplierSigned<Optional = never> extends BaseEntity<Optional | Signed> {
  @Field(() => String, { nullable: true, description: 'The canonical JSON the supplier signed (acceptance or refusal of the order, the submitted act)' })
  @Property({ type: 'text', nullable: true })
  supplierSignedDocument?: string | null;
  @Property({ type: 'text', nullable: true }) supplierSignature?: string | null;
  @Property({ type: 'text', nullable: true }) supplierSignerCertificate?: string | null;
  @Field(() => String, { nullable: true, description: 'IIN of the person who signed for the supplier' })
  @Property({ type: 'string', length: 12, nullable: true }) supplierSignerIin?: string | null;
  @Field(() => String, { nullable: true, description: "BIN in the supplier's signing certificate (null for a personal assistant)" })
  @Property({ type: 'string', length: 12, nullable: true }) supplierSignerBin?: string | null;
  /** How the certificate's status was checked at signing (OCSP/CRL answer): evidence it was valid then. */
  @Property({ type: 'text', nullable: true }) supplierSignatureEvidence?: string | null;
}
