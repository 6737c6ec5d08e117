import { isLanguage, type Language } from '@tuo/shared';

/**
 * The first of our languages a browser's Accept-Language asks for, by its q weights; undefined
 * when it asks for none of them. English anywhere before another of ours means English.
 */
export function preferredLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const wanted = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { primary: tag.split('-')[0]?.toLowerCase() ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0 && Number.isFinite(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return wanted.map((entry) => entry.primary).find(isLanguage);
}
