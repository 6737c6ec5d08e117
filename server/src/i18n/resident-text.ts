import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../project-root.js';
import { agencies, getJourney, type AgencyKind, type Language, type LifeEventId } from '@tuo/shared';

interface Tree {
  [key: string]: string | Tree;
}

// The translations live with the pages (client/src/i18n/locales), so translators keep one set of
// files; the server reads the few it needs for messages residents receive outside a page.
const localesDir = pathToFileURL(path.join(projectRoot, 'client/src/i18n/locales/'));
const trees = new Map<string, Tree | undefined>();

function readTree(language: Language, namespace: string): Tree | undefined {
  const key = `${language}/${namespace}`;
  if (!trees.has(key)) {
    let tree: Tree | undefined;
    try {
      tree = JSON.parse(readFileSync(new URL(`${key}.json`, localesDir), 'utf8')) as Tree;
    } catch {
      tree = undefined;
    }
    trees.set(key, tree);
  }
  return trees.get(key);
}

function lookup(tree: Tree | undefined, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

function interpolate(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Words for messages to a resident in their language, falling back to English key by key. */
export interface ResidentText {
  /** A `notify` namespace text with its `{{values}}` filled in. */
  message(key: string, values?: Readonly<Record<string, string>>): string;
  /** A life event's title, as the journey's first pages show it. */
  lifeEvent(lifeEvent: LifeEventId): string;
  /** An agency's name ("Your local council"). */
  agency(agency: AgencyKind): string;
}

/** {@link ResidentText} for one language. English journey text comes from the definitions in `shared/`. */
export function residentText(language: Language): ResidentText {
  const translated = (namespace: string, path: string) =>
    language === 'en' ? undefined : lookup(readTree(language, namespace), path);
  return {
    message: (key, values = {}) =>
      interpolate(translated('notify', key) ?? lookup(readTree('en', 'notify'), key) ?? key, values),
    lifeEvent: (lifeEvent) => translated('catalogue', `journeys.${lifeEvent}.title`) ?? getJourney(lifeEvent).title,
    agency: (agency) => translated('catalogue', `agencies.${agency}.name`) ?? agencies[agency].name,
  };
}
