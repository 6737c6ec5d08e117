import type { FoundAddress } from './address-lookup.js';

/**
 * A sample address as a provider finds it: what residents choose from, and the local custodian
 * code (the council keeping its AddressBase record) as OS Places gives it. The code routes to a
 * council in the directory; it is never in the public API.
 */
export type SampleAddress = FoundAddress & { readonly custodianCode?: string };

const northbridge = '9901';
const southmere = '9902';

/**
 * Fictional addresses for trying the portal without an OS Places key. The postcodes are well
 * formed but in postcode areas that do not exist (NB, SX, WX, AX, EY), so no resident's real
 * address can be mistaken for one of these; the UPRNs are made up too. Each Northbridge and
 * Southmere address carries its council's local custodian code (9901, 9902: the sample
 * directory's two councils), as OS Places would; the others belong to no council in it.
 */
export const sampleGazetteer: readonly SampleAddress[] = [
  ...[1, 3, 5, 7, 9, 11, 13, 15].map((n, i) => ({
    uprn: String(9000000101 + i),
    line1: `${String(n)} Acacia Avenue`,
    town: 'Northbridge',
    postcode: 'NB1 4AA',
    custodianCode: northbridge,
  })),
  ...['Flat 1', 'Flat 2', 'Flat 3', 'Flat 4'].map((flat, i) => ({
    uprn: String(9000000201 + i),
    line1: `${flat}, Orchard House`,
    line2: '22 Mill Lane',
    town: 'Northbridge',
    postcode: 'NB2 7QT',
    custodianCode: northbridge,
  })),
  {
    uprn: '9000000205',
    line1: '24 Mill Lane',
    town: 'Northbridge',
    postcode: 'NB2 7QT',
    custodianCode: northbridge,
  },
  {
    uprn: '9000000206',
    line1: 'The Old Forge',
    line2: 'Mill Lane',
    town: 'Northbridge',
    postcode: 'NB2 7QT',
    custodianCode: northbridge,
  },
  ...[2, 4, 6, 8, 10, 12].map((n, i) => ({
    uprn: String(9000000301 + i),
    line1: `${String(n)} Station Road`,
    line2: 'Easton',
    town: 'Southmere',
    postcode: 'SX4 2BX',
    custodianCode: southmere,
  })),
  ...[1, 2, 3, 4, 5].map((n, i) => ({
    uprn: String(9000000401 + i),
    line1: `${String(n)} Heron Close`,
    town: 'Westford',
    postcode: 'WX9 3HN',
  })),
  {
    uprn: '9000000501',
    line1: 'Rose Cottage',
    line2: 'Church Street',
    town: 'Little Ashby',
    postcode: 'AX7 1RS',
  },
  {
    uprn: '9000000502',
    line1: 'Church Farm',
    line2: 'Church Street',
    town: 'Little Ashby',
    postcode: 'AX7 1RS',
  },
  {
    uprn: '9000000503',
    line1: '3 Church Street',
    town: 'Little Ashby',
    postcode: 'AX7 1RS',
  },
  ...[14, 16, 18, 20].map((n, i) => ({
    uprn: String(9000000601 + i),
    line1: `${String(n)} Victoria Terrace`,
    town: 'Eastcliff',
    postcode: 'EY8 5WT',
  })),
];
