import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LIMITS, Role, badInput, checkOptionalText, requireRole } from '@aleumet/core';
import { ConnectionType, PageArgs, paginate } from '@aleumet/subgraph-kit';
import { ArticleKind, Language, LocalizedText, PortalArticle, localize } from '../entities/content.js';
import { LocalizedTextInput, load, texts } from './content.resolver.js';
import type { Context } from './context.js';

/** Seeds 003 ¶14: the administrator publishes instructions (text and video) and news of new features; everyone reads them. */
const ArticleConnection = ConnectionType('PortalArticle', PortalArticle);

@InputType()
class PortalArticleInput {
  @Field(() => ArticleKind) kind!: ArticleKind;
  @Field(() => LocalizedTextInput) title!: LocalizedTextInput;
  @Field(() => LocalizedTextInput) body!: LocalizedTextInput;
  @Field(() => String, { nullable: true, description: 'Instructions: the video version, an https address' }) videoUrl?: string;
  @Field(() => Boolean, { defaultValue: true }) published!: boolean;
}

function checkVideoUrl(value: string | undefined, kind: ArticleKind): string | null {
  const url = checkOptionalText(value, 'input.videoUrl', LIMITS.title);
  if (url === null) return null;
  if (kind !== ArticleKind.INSTRUCTION) throw badInput('A video goes with an instruction', 'input.videoUrl');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badInput('The video address must be an https URL', 'input.videoUrl');
  }
  if (parsed.protocol !== 'https:') throw badInput('The video address must be an https URL', 'input.videoUrl');
  return parsed.toString();
}

@Resolver(() => PortalArticle)
export class ArticleResolver {
  @Query(() => ArticleConnection, { description: 'Instructions or news, newest first (admins may include unpublished ones)' })
  portalArticles(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('kind', () => ArticleKind, { nullable: true }) kind: ArticleKind | undefined,
    @Arg('includeUnpublished', () => Boolean, { defaultValue: false }) includeUnpublished: boolean,
    @Ctx() ctx: Context,
  ) {
    if (includeUnpublished) requireRole(ctx.identity, Role.ADMIN);
    return paginate(ctx.em, PortalArticle, { ...(includeUnpublished ? {} : { published: true }), ...(kind ? { kind } : {}) }, page);
  }

  @Mutation(() => PortalArticle, { description: 'Admin: publish (no id) or change an instruction or a news item' })
  async savePortalArticle(@Arg('id', () => ID, { nullable: true }) id: string | undefined, @Arg('input', () => PortalArticleInput) input: PortalArticleInput, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    const title = texts(input.title, 'input.title', LIMITS.title);
    const body = texts(input.body, 'input.body', LIMITS.text);
    const videoUrl = checkVideoUrl(input.videoUrl, input.kind);
    const now = ctx.runtime.clock.now();
    const data = {
      kind: input.kind, published: input.published, videoUrl,
      titleKk: title.kk, titleRu: title.ru, titleEn: title.en, bodyKk: body.kk, bodyRu: body.ru, bodyEn: body.en,
    };
    const article = id ? ctx.em.assign(await load(ctx, PortalArticle, 'PortalArticle', id), data) : ctx.em.create(PortalArticle, data);
    if (article.published && !article.publishedAt) article.publishedAt = now;
    await ctx.em.flush();
    return article;
  }

  @Mutation(() => Boolean, { description: 'Admin: withdraw an instruction or a news item' })
  async deletePortalArticle(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    requireRole(ctx.identity, Role.ADMIN);
    ctx.em.remove(await load(ctx, PortalArticle, 'PortalArticle', id));
    await ctx.em.flush();
    return true;
  }

  @FieldResolver(() => LocalizedText)
  title(@Root() a: PortalArticle, @Arg('language', () => Language, { defaultValue: Language.KK }) language: Language) {
    return localize({ kk: a.titleKk, ru: a.titleRu, en: a.titleEn }, language);
  }

  @FieldResolver(() => LocalizedText)
  body(@Root() a: PortalArticle, @Arg('language', () => Language, { defaultValue: Language.KK }) language: Language) {
    return localize({ kk: a.bodyKk, ru: a.bodyRu, en: a.bodyEn }, language);
  }
}
