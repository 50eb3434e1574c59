import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '@aleumet/subgraph-kit';

/** The portal's languages: Kazakh (state language), Russian, English. */
export enum Language { KK = 'KK', RU = 'RU', EN = 'EN' }
registerEnumType(Language, { name: 'Language', description: 'KK Kazakh (state language), RU Russian, EN English' });

/** When the reader's language is missing: the next one in this order. */
export const FALLBACK: Record<Language, Language[]> = {
  KK: [Language.KK, Language.RU, Language.EN],
  RU: [Language.RU, Language.KK, Language.EN],
  EN: [Language.EN, Language.RU, Language.KK],
};

export interface Translations { kk?: string | null; ru?: string | null; en?: string | null }

@ObjectType({ description: 'A text in the reader’s language, or the fallback (KK → RU → EN, RU → KK → EN, EN → RU → KK)' })
export class LocalizedText {
  @Field(() => String) text!: string;
  @Field(() => Language, { description: 'The language actually served' }) language!: Language;
  @Field(() => Boolean, { description: 'True when the requested language was missing' }) fallback!: boolean;
}

export function localize(t: Translations, language: Language): LocalizedText {
  for (const lang of FALLBACK[language]) {
    const text = t[lang.toLowerCase() as 'kk' | 'ru' | 'en'];
    if (text && text.trim()) return { text, language: lang, fallback: lang !== language };
  }
  return { text: '', language, fallback: true };
}

@ObjectType({ description: 'A frequently asked question with its answer, in up to three languages' })
@Entity({ tableName: 'faq_entry' })
export class FaqEntry extends BaseEntity<'questionKk' | 'questionRu' | 'questionEn' | 'answerKk' | 'answerRu' | 'answerEn' | 'published'> {
  @Field(() => Int, { description: 'Display order (ascending)' }) @Property({ type: 'integer' }) position!: number;
  @Field(() => Boolean) @Property({ type: 'boolean' }) published: boolean = true;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) questionKk?: string | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) questionRu?: string | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) questionEn?: string | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) answerKk?: string | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) answerRu?: string | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) answerEn?: string | null;
}

@ObjectType({ description: 'A planned maintenance: shown as a banner between startsAt and endsAt' })
@Entity({ tableName: 'maintenance_notice' })
export class MaintenanceNotice extends BaseEntity<'textKk' | 'textRu' | 'textEn'> {
  @Field(() => Date) @Property({ type: 'datetime', index: true }) startsAt!: Date;
  @Field(() => Date) @Property({ type: 'datetime', index: true }) endsAt!: Date;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) textKk?: string | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) textRu?: string | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) textEn?: string | null;
  @Property({ type: 'string' }) createdBy!: string;
}

/** The contact center's phone and hours: one row (key `contact-center`). */
@ObjectType({ description: 'How to reach the contact center' })
@Entity({ tableName: 'portal_contact' })
export class PortalContact {
  @PrimaryKey({ type: 'string', length: 40 }) key: string = 'contact-center';
  @Field(() => String, { description: 'Phone number, e.g. 1414 or +7 7172 00 00 00' }) @Property({ type: 'string' }) phone!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) hoursKk?: string | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) hoursRu?: string | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) hoursEn?: string | null;
  @Field(() => Date) @Property({ type: 'datetime' }) updatedAt: Date = new Date();
}
