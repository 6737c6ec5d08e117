import { describe, expect, it } from 'vitest';
import { engineMessages } from './engine-messages.js';
import { resources, sourceLanguage } from './i18n.js';
import type { ResourceTree } from './catalogue-resources.js';

/** Every key path of a namespace, with its text: `track.status.queued`. */
function flatten(tree: ResourceTree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`)));
}

const english = resources[sourceLanguage] as Record<string, ResourceTree>;

describe('English translations', () => {
  it('list every error message a resident can be shown, and nothing else (update with `vitest -u`)', async () => {
    const messages = engineMessages();
    expect(messages.length).toBeGreaterThan(100);
    const file = `${JSON.stringify(Object.fromEntries(messages.map((message) => [message, message])), null, 2)}\n`;
    await expect(file).toMatchFileSnapshot('./locales/en/errors.json');
  });

  it('have a title, question or label for every journey, page, field and option', () => {
    const catalogue = new Map(flatten(english.catalogue ?? {}));
    expect(catalogue.get('journeys.someone-died.fields.dateOfDeath.label')).toBe('When did they die?');
    expect(catalogue.get('journeys.moving-home.routing.council.purpose')).toMatch(/council/i);
    expect([...catalogue.values()].every((text) => text.trim() !== '')).toBe(true);
  });
});

describe('other languages', () => {
  // Empty until a later issue adds one; then every key it has must be one English has.
  const others = Object.entries(resources).filter(([language]) => language !== sourceLanguage);
  it.each(others.length > 0 ? others : [['(none yet)', {}] as const])('%s uses only keys that English has', (_language, namespaces) => {
    for (const [namespace, tree] of Object.entries(namespaces as Record<string, ResourceTree>)) {
      const known = new Set(flatten(english[namespace] ?? {}).map(([key]) => key.replace(/_(zero|one|two|few|many|other)$/, '')));
      const unknown = flatten(tree).map(([key]) => key.replace(/_(zero|one|two|few|many|other)$/, '')).filter((key) => !known.has(key));
      expect(unknown, namespace).toEqual([]);
    }
  });
});
