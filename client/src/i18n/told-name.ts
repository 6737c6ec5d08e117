import type { AgencyKind } from '@tuo/shared';
import type { TFunction } from 'i18next';

/**
 * An organisation told, as residents' pages name it: by its directory name, or (a kind's fallback,
 * a team that passes it on) by what it does, in the reader's language, never by its directory name
 * ("GP practices (not yet known)"). `inSentence` words it for "We will tell …"; `name` stands alone.
 */
export function toldName(
  t: TFunction,
  kind: AgencyKind,
  told: { name?: string | undefined; fallback?: boolean | undefined },
  form: 'inSentence' | 'name',
): string {
  return told.fallback ? t(`fallbackTeam.${kind}.${form}`) : (told.name ?? '');
}
