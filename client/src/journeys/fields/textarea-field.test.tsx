import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { maxTextareaLength } from '@tuo/shared/journeys/engine/field-basics';
import { addEveryLanguage } from '../../i18n/every-language.js';
import { createI18n } from '../../i18n/i18n.js';
import { JourneyFormContext, type JourneyForm } from '../journey-form.js';
import { TextareaField } from './textarea-field.js';

addEveryLanguage();

/** The textarea's markup as the server renders it in `language`, with `typed` as its answer. */
function textareaMarkup(language: string, typed = ''): string {
  const form = {
    register: (name: string) => ({ name }),
    defaults: { details: typed },
    current: () => typed,
    errors: [],
  } as unknown as JourneyForm;
  return renderToString(
    <I18nextProvider i18n={createI18n(language)}>
      <JourneyFormContext.Provider value={form}>
        <TextareaField field={{ name: 'details', kind: 'textarea', label: 'Details' }} heading={false} hint="A hint" />
      </JourneyFormContext.Provider>
    </I18nextProvider>,
  );
}

const attribute = (html: string, name: string) =>
  new RegExp(`${name.replaceAll('.', '\\.')}="([^"]*)"`).exec(html)?.[1]?.replaceAll('&#x27;', "'");

describe('a textarea with a character count', () => {
  it("is GOV.UK's character count markup, its messages in govuk-frontend's data attributes", () => {
    const html = textareaMarkup('en');
    expect(html).toContain('class="govuk-form-group govuk-character-count" data-module="govuk-character-count"');
    expect(attribute(html, 'data-maxlength')).toBe(String(maxTextareaLength));
    expect(attribute(html, 'data-i18n.characters-under-limit.one')).toBe('You have %{count} character remaining');
    expect(attribute(html, 'data-i18n.characters-under-limit.other')).toBe('You have %{count} characters remaining');
    expect(attribute(html, 'data-i18n.characters-over-limit.other')).toBe('You have %{count} characters too many');
    expect(attribute(html, 'data-i18n.characters-at-limit')).toBe('You have 0 characters remaining');
    // The limit, stated for a browser without JavaScript, is the box's description (the script hides it).
    expect(html).toContain(`You can enter up to ${String(maxTextareaLength)} characters`);
    expect(attribute(html, 'aria-describedby')).toBe('details-info details-hint');
    expect(html.indexOf('<textarea')).toBeLessThan(html.indexOf('id="details-info"'));
  });

  it("gives each plural form a language has: Welsh's six, Arabic's zero at the limit", () => {
    const welsh = textareaMarkup('cy');
    for (const form of ['zero', 'one', 'two', 'few', 'many', 'other'])
      expect(attribute(welsh, `data-i18n.characters-under-limit.${form}`), form).toBe('Mae gennych %{count} nod ar ôl');
    expect(attribute(welsh, 'data-i18n.characters-over-limit.few')).toBe('Mae gennych %{count} nod yn ormod');
    expect(attribute(textareaMarkup('ar'), 'data-i18n.characters-at-limit')).toBe('لم يتبقَّ لك أي حرف (0)');
    // English has no "few": none is made up from the fallback.
    expect(attribute(textareaMarkup('en'), 'data-i18n.characters-under-limit.few')).toBeUndefined();
  });
});
