import {
  createSubmissionEnvelopeV1,
  exampleSubmissions,
  getJourney,
  lifeEventIds,
  peopleFieldNames,
  protectedFields,
  toAgencyPayload,
} from '@tuo/shared';
import { createSubmissionRequestSchema } from '@tuo/shared/api/submissions';
import { describe, expect, it } from 'vitest';
import { Keyring, SealedValueError } from './keyring.js';
import { ProtectedValues } from './protected-values.js';

const key = (id: string, fill: number) => ({ id, secret: Buffer.alloc(32, fill) });
const older = new ProtectedValues(new Keyring([key('k1', 1)]));
const rotated = new ProtectedValues(new Keyring([key('k2', 2), key('k1', 1)]));

function envelopeOf(lifeEvent: (typeof lifeEventIds)[number]) {
  return createSubmissionEnvelopeV1(createSubmissionRequestSchema.parse(exampleSubmissions[lifeEvent]), {
    reference: 'TUO-7K3M-9Q2M',
    submittedAt: new Date(),
  });
}

describe('protected values', () => {
  it.each(lifeEventIds)(
    'seal every NHS number, NI number and date of birth of %s, and nothing else; opening gives the answers back',
    (lifeEvent) => {
      const envelope = envelopeOf(lifeEvent);
      const sealed = older.sealEnvelope(envelope);
      const text = JSON.stringify(sealed);
      const names = protectedFields(getJourney(lifeEvent));
      const people = peopleFieldNames(getJourney(lifeEvent));
      expect(names.size).toBeGreaterThan(0);
      for (const [name, value] of Object.entries(envelope.answers)) {
        if (names.has(name)) {
          expect(sealed.answers[name], name).toMatch(/^pv1\.k1\./);
          expect(text, name).not.toContain(JSON.stringify(value));
        } else if (people.includes(name)) {
          // A list of people: each one's date of birth sealed, their name as it was.
          const rows = value as { fullName: string; dateOfBirth: string }[];
          expect(rows.length, name).toBeGreaterThan(0);
          expect(sealed.answers[name], name).toEqual(
            rows.map((row) => ({ fullName: row.fullName, dateOfBirth: expect.stringMatching(/^pv1\.k1\./) as string })),
          );
          for (const row of rows) expect(text, name).not.toContain(JSON.stringify(row.dateOfBirth));
        } else {
          expect(sealed.answers[name], name).toEqual(value);
        }
      }
      expect(older.openEnvelope(JSON.parse(text))).toEqual(envelope);
      expect(older.needsResealing(lifeEvent, envelope.answers)).toBe(true);
      expect(older.needsResealing(lifeEvent, sealed.answers)).toBe(false);
    },
  );

  it('binds a sealed value to its record and field', () => {
    const sealed = older.sealEnvelope(envelopeOf('someone-died'));
    expect(() => older.openEnvelope({ ...sealed, reference: 'TUO-AAAA-AAAA' })).toThrow(SealedValueError);
    expect(() =>
      older.openEnvelope({ ...sealed, answers: { ...sealed.answers, nhsNumber: sealed.answers.dateOfBirth } }),
    ).toThrow(SealedValueError);
  });

  it('keeps old data readable after a rotation, seals new data with the new key, and can reseal', () => {
    const envelope = envelopeOf('baby-born');
    const sealedBefore = older.sealEnvelope(envelope);
    expect(rotated.openEnvelope(sealedBefore)).toEqual(envelope);
    expect(rotated.needsResealing('baby-born', sealedBefore.answers)).toBe(true);
    const resealed = rotated.sealEnvelope(rotated.openEnvelope(sealedBefore));
    expect(resealed.answers.babyNhsNumber).toMatch(/^pv1\.k2\./);
    expect(() => older.openEnvelope(resealed)).toThrow(/No protected-data key "k2"/);
  });

  it('passes clear legacy values through when opening', () => {
    const envelope = envelopeOf('moving-home');
    expect(older.openEnvelope(envelope)).toEqual(envelope);
  });

  it('seals agency payloads the same way', () => {
    const payload = toAgencyPayload(envelopeOf('someone-died'), 'gp-practice');
    if (!payload) throw new Error('expected an NHS payload');
    const sealed = older.sealPayload(payload);
    expect(JSON.stringify(sealed)).not.toContain('9434765919');
    expect(older.openPayload(sealed)).toEqual(payload);
  });

  it('hashes for search in one normal form, under every key, never in clear', () => {
    const [hash] = older.searchHashes('someone-died', { nhsNumber: '9434765919' });
    expect(hash).toBeDefined();
    expect(hash).not.toContain('9434765919');
    expect(older.searchHashesFor('nhs-number', '943 476 5919')).toEqual([hash]);
    expect(rotated.searchHashesFor('nhs-number', '9434765919')).toContain(hash);
    expect(older.searchHashesFor('ni-number', 'ab 12 34 56 c')).toEqual(
      older.searchHashes('someone-died', { nationalInsuranceNumber: 'AB123456C' }),
    );
    expect(older.searchHashesFor('date-of-birth', '1941-03-27')).not.toEqual(
      older.searchHashesFor('ni-number', '1941-03-27'),
    );
  });
});
