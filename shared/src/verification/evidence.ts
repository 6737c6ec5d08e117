import type { Answers } from '../journeys/engine/answers.js';
import type { VerificationCheck } from './verification.js';

/**
 * What a resident can give as evidence that a life event happened, asked for in a journey's
 * definition (a field's or an option's `evidence`):
 * - `registrar-reference`: the Tell Us Once reference number the registrar gave after registering a death;
 * - `death-registration`: that the death is registered (the district and date go with it);
 * - `coroner-certificate`: a coroner's interim certificate, during an inquest;
 * - `birth-registration`: that the birth is registered;
 * - `tenancy-date`: the date a tenancy starts, or a purchase completes.
 */
export const evidenceKinds = [
  'registrar-reference',
  'death-registration',
  'coroner-certificate',
  'birth-registration',
  'tenancy-date',
] as const;

/** One of {@link evidenceKinds}. */
export type EvidenceKind = (typeof evidenceKinds)[number];

/** The part of a journey definition the evidence rule reads: its fields, their options and evidence. */
interface EvidenceShape {
  readonly pages: readonly {
    readonly fields: readonly {
      readonly name: string;
      readonly kind: string;
      readonly evidence?: EvidenceKind | undefined;
      readonly options?:
        readonly { readonly value: string; readonly evidence?: EvidenceKind | undefined }[] | undefined;
    }[];
  }[];
}

/** The evidence kinds a journey's answers give: a field with `evidence` answered (a yes-no one "yes"), or an option with `evidence` chosen. */
export function evidenceGiven(journey: EvidenceShape, answers: Readonly<Answers>): EvidenceKind[] {
  const given = new Set<EvidenceKind>();
  for (const field of journey.pages.flatMap((page) => page.fields)) {
    const answer = answers[field.name];
    if (answer === undefined || answer === '') continue;
    if (field.evidence && (field.kind !== 'yes-no' || answer === 'yes')) given.add(field.evidence);
    const chosen: unknown[] = typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : [];
    for (const option of field.options ?? [])
      if (option.evidence && chosen.includes(option.value)) given.add(option.evidence);
  }
  return [...given];
}

/**
 * THE rule for what evidence counts in `verification.checks`: the registrar's Tell Us Once
 * reference is a `registrar-reference-given` check (it raises a report's level one step, see
 * `verificationLevel`); any other evidence is an `evidence-given` check naming its kind in
 * `detail`, which tells an agency what to look for in its own records but, being the reporter's
 * word alone, raises no level. Every check is `by: 'reporter'`, at the time the report was made.
 */
export function evidenceChecks(journey: EvidenceShape, answers: Readonly<Answers>, at: Date): VerificationCheck[] {
  return evidenceGiven(journey, answers).map((kind) =>
    kind === 'registrar-reference'
      ? { kind: 'registrar-reference-given', by: 'reporter', at: at.toISOString() }
      : { kind: 'evidence-given', by: 'reporter', at: at.toISOString(), detail: [kind] },
  );
}
