import { describe, expect, it } from 'vitest';
import { pageScriptText } from './page-script-text.js';

describe('the page script’s text', () => {
  it('words English messages as the schema does, and marks the title as the server does', async () => {
    const text = await pageScriptText('en');
    expect(text.error('Enter their first name')).toBe('Enter their first name');
    expect(text.summaryTitle).toBe('There is a problem');
    expect(text.hiddenPrefix).toBe('Error:');
    const title = text.documentTitle('What was their name?', false);
    expect(title).toBe('What was their name? – Tell Us Once');
    expect(text.documentTitle(text.headingOf(title), true)).toBe('Error: What was their name? – Tell Us Once');
    expect(text.headingOf('Error: What was their name? – Tell Us Once')).toBe('What was their name?');
  });

  it('translates a message, and one naming a person by number, from the language’s errors', async () => {
    const text = await pageScriptText('cy');
    const english = 'Enter their first name';
    expect(text.error(english)).not.toBe(english);
    const row = text.error('Date of birth of person 2 must be a real date');
    expect(row).toContain('2');
    expect(row).not.toContain('{{');
    expect(text.summaryTitle).not.toBe('There is a problem');
  });

  it('falls back to English for a language without files', async () => {
    const text = await pageScriptText('xx');
    expect(text.summaryTitle).toBe('There is a problem');
  });
});
