import { postcodeMessage } from '@tuo/shared';
import type { AddressLookupState } from '@tuo/shared/api/address-lookup';
import { addressLookupMessages } from '@tuo/shared/pages/address-lookup-messages';
import type { FieldError } from '@tuo/shared';
import type { QuestionProps } from '@tuo/shared/pages/page-model';

const found: AddressLookupState = {
  postcode: 'NB2 7QT',
  outcome: 'found',
  addresses: [
    {
      uprn: '9000000201',
      line1: 'Flat 1, Orchard House',
      line2: '22 Mill Lane',
      town: 'Northbridge',
      postcode: 'NB2 7QT',
    },
    {
      uprn: '9000000205',
      line1: '24 Mill Lane',
      town: 'Northbridge',
      postcode: 'NB2 7QT',
    },
  ],
};

const states: readonly [AddressLookupState, FieldError[]][] = [
  [found, []],
  [{ ...found, chosen: '9000000205' }, []],
  [
    found,
    [
      {
        field: 'lastAddress.choice',
        message: addressLookupMessages.chooseAddress,
      },
    ],
  ],
  [{ postcode: 'NB9 9ZZ', outcome: 'none', addresses: [] }, []],
  [{ postcode: 'NB2 7QT', outcome: 'unavailable', addresses: [] }, []],
  [
    { postcode: '', outcome: 'invalid', addresses: [] },
    [
      {
        field: 'lastAddress.postcode',
        message: addressLookupMessages.postcodeMissing,
      },
    ],
  ],
  [
    { postcode: 'nope', outcome: 'invalid', addresses: [] },
    [{ field: 'lastAddress.postcode', message: postcodeMessage }],
  ],
];

/** The "someone died" address page after each kind of look-up, for the tests that render every page. */
export const addressLookupExamples: readonly {
  page: 'question';
  props: QuestionProps;
}[] = states.map(([state, errors]) => ({
  page: 'question',
  props: {
    lifeEvent: 'someone-died',
    pageId: 'last-address',
    answersSoFar: {},
    today: '2026-06-15',
    backHref: '/back',
    form: { action: '/x', csrfToken: 'token', values: {}, errors },
    addressLookup: { lastAddress: state },
    postcodeExample: 'NB2 7QT',
  },
}));
