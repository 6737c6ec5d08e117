import { postcodeMessage } from '@tuo/shared';
import type { AddressLookupState } from '@tuo/shared/api/address-lookup';
import { sampleGazetteer } from '@tuo/shared/api/sample-gazetteer';
import { addressLookupMessages } from '@tuo/shared/pages/address-lookup-messages';
import type { FieldError } from '@tuo/shared';
import type { QuestionProps } from '@tuo/shared/pages/page-model';

// Two of the sample gazetteer's addresses at one postcode: a flat (two lines) and a house (one).
const found: AddressLookupState = {
  postcode: 'NB2 7QT',
  outcome: 'found',
  addresses: sampleGazetteer
    .filter((address) => ['9000000201', '9000000205'].includes(address.uprn))
    .map(({ custodianCode: _code, ...address }) => address),
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
