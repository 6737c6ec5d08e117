import { describe, expect, it } from 'vitest';
import { catalogue } from '../../journeys/catalogue.js';
import { agencyPayloadSchema } from './agency-payload-schema.js';
import { councilAddressFields, unplacedAddressNotes, unplacedAddressReason } from './unplaced-address-notes.js';

const reason =
  "This address could not be placed in any council's area, so the report came to the council team to pass on to the council it belongs to.";
const base = {
  reference: 'TUO-7K3M-9Q2M',
  submittedAt: '2025-06-15T10:00:00.000Z',
  channel: 'online',
} as const;

describe("the council team's notes on unplaced addresses", () => {
  it('name the address a council is placed by: per part of a move, else the last address routed to it', () => {
    expect(councilAddressFields(catalogue['someone-died'])).toEqual(['lastAddress']);
    expect(councilAddressFields(catalogue['moving-home'])).toEqual(['oldAddress', 'newAddress']);
    expect(councilAddressFields(catalogue['moving-home'], 'leaving')).toEqual(['oldAddress']);
    expect(councilAddressFields(catalogue['moving-home'], 'joining')).toEqual(['newAddress']);
  });

  it('say why in words, and only for addresses among the routed answers', () => {
    expect(unplacedAddressReason).toBe(reason);
    const newAddress = { line1: '7 Harbour Row', town: 'Southmere', postcode: 'SX4 9ZZ' };
    expect(unplacedAddressNotes(catalogue['moving-home'], { newAddress }, 'joining')).toEqual([
      { field: 'newAddress', reason },
    ]);
    expect(unplacedAddressNotes(catalogue['moving-home'], {}, 'joining')).toEqual([]);
  });

  it('are part of a council payload only, naming only the council’s own address fields', () => {
    const journey = catalogue['someone-died'];
    const payload = { ...base, lifeEvent: 'someone-died', answers: {} };
    const council = agencyPayloadSchema(journey, 'council');
    expect(council.safeParse({ ...payload, unplacedAddresses: [{ field: 'lastAddress', reason }] }).success).toBe(true);
    expect(council.safeParse({ ...payload, unplacedAddresses: [{ field: 'dateOfDeath', reason }] }).success).toBe(
      false,
    );
    expect(
      agencyPayloadSchema(journey, 'jobcentre').safeParse({
        ...payload,
        unplacedAddresses: [{ field: 'lastAddress', reason }],
      }).success,
    ).toBe(false);
  });
});
