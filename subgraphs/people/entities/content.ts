import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
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

/**
 * Seeds 003 ¶14: the administrator publishes notices of scheduled technical and preventive works, and
 * announcements of technical failures with the planned time of their fix.
 */
export enum NoticeKind { PLANNED_WORKS = 'PLANNED_WORKS', FAILURE = 'FAILURE' }
registerEnumType(NoticeKind, { name: 'NoticeKind', description: 'PLANNED_WORKS: scheduled works in the window; FAILURE: a failure under repair, endsAt is the planned fix time' });

@ObjectType({ description: 'A notice of scheduled works or of a failure (with its planned fix time): shown as a banner between startsAt and endsAt' })
@Entity({ tableName: 'maintenance_notice' })
export class MaintenanceNotice extends BaseEntity<'textKk' | 'textRu' | 'textEn' | 'kind'> {
  @Field(() => NoticeKind) @Enum({ items: () => NoticeKind, default: NoticeKind.PLANNED_WORKS }) kind: NoticeKind = NoticeKind.PLANNED_WORKS;
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

/** Seeds 003 ¶14: instructions in text and video formats, and news of the portal's new features. */
export enum ArticleKind { INSTRUCTION = 'INSTRUCTION', NEWS = 'NEWS' }
registerEnumType(ArticleKind, { name: 'ArticleKind', description: 'INSTRUCTION: how to use the portal (text, optionally a video); NEWS: a new feature of the portal' });

@ObjectType({ description: 'An instruction (text, optionally a video) or news of a new feature, in up to three languages' })
@Entity({ tableName: 'portal_article' })
export class PortalArticle extends BaseEntity<'titleKk' | 'titleRu' | 'titleEn' | 'bodyKk' | 'bodyRu' | 'bodyEn' | 'videoUrl' | 'published' | 'publishedAt'> {
  @Field(() => ArticleKind) @Enum({ items: () => ArticleKind, index: true }) kind!: ArticleKind;
  @Field(() => Boolean) @Property({ type: 'boolean' }) published: boolean = true;
  @Field(() => Date, { nullable: true, description: 'When it was first published' }) @Property({ type: 'datetime', nullable: true }) publishedAt?: Date | null;
  @Property({ type: 'text', nullable: true }) titleKk?: string | null;
  @Property({ type: 'text', nullable: true }) titleRu?: string | null;
  @Property({ type: 'text', nullable: true }) titleEn?: string | null;
  @Property({ type: 'text', nullable: true }) bodyKk?: string | null;
  @Property({ type: 'text', nullable: true }) bodyRu?: string | null;
  @Property({ type: 'text', nullable: true }) bodyEn?: string | null;
  @Field(() => String, { nullable: true, description: 'A video version of the instruction: an https address' }) @Property({ type: 'text', nullable: true }) videoUrl?: string | null;
}
