/** Reference data carries its name in all three languages; pick the user's. */
export function localName(x: { nameKk: string; nameRu: string; nameEn: string } | null | undefined, lang: string): string {
  if (!x) return '';
  return lang === 'ru' ? x.nameRu : lang === 'en' ? x.nameEn : x.nameKk;
}
