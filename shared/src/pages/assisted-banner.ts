import type { AssistedMode } from '../api/staff-session.js';
import type { Language } from '../submission/channel.js';
import type { JourneyDefinition } from '../journeys/definition/journey-definition-schema.js';
import type { Answers } from '../journeys/engine/answers.js';

/**
 * On every resident page an adviser runs for a resident: who is signed in, how they are helping,
 * whom for (once the journey has their name), and the way back to the console.
 */
export interface AssistedBanner {
  /** The signed-in adviser's display name, or their email when they have none. */
  adviser: string;
  mode: AssistedMode;
  /**
   * The language the resident chose (the page's language links set it): the page itself is in
   * English for the adviser, while the report, its confirmation and messages to the resident are in this.
   */
  residentLanguage: Language;
  /** The resident's own name as answered so far in this journey; null before it is known. */
  residentName: string | null;
}

/**
 * The resident's own name in a journey's answers: the field marked with the `name` autocomplete
 * token (WCAG 1.3.5 marks only the person filling in the form's own details), or null.
 */
export function residentName(journey: JourneyDefinition, answers: Readonly<Answers>): string | null {
  for (const field of journey.pages.flatMap((page) => page.fields)) {
    if (field.kind !== 'name' || field.autocomplete !== 'name') continue;
    const answer = answers[field.name];
    if (typeof answer === 'string' && answer.trim() !== '') return answer.trim();
  }
  return null;
}
