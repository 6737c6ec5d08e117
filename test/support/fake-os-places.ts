import { delay, http, HttpResponse } from 'msw';

const url = 'https://api.os.uk/search/places/v1/postcode';

/** A Delivery Point Address record as OS Places sends it (capitals, and many fields we do not read). */
export interface FakeDpa {
  UPRN: string;
  ADDRESS: string;
  SUB_BUILDING_NAME?: string;
  BUILDING_NAME?: string;
  BUILDING_NUMBER?: string;
  THOROUGHFARE_NAME?: string;
  POST_TOWN: string;
  POSTCODE: string;
  /** The council keeping the record, a number as OS Places sends it. */
  LOCAL_CUSTODIAN_CODE?: number;
}

/** How the fake behaves: as OS Places normally does, or as it does when it fails. */
export type OsPlacesMode = 'normal' | 'rate-limited' | 'slow' | 'broken';

/**
 * A stand-in for OS Places API's postcode search that keeps its rules: the key must be right (401
 * with OS's error body otherwise), the postcode must look like one (400), a postcode with no
 * addresses has no `results` at all, and it can be switched to answer 429, 500 or too slowly.
 */
export function fakeOsPlaces(apiKey: string, addresses: readonly FakeDpa[]) {
  const state = { mode: 'normal' as OsPlacesMode, calls: 0 };
  const handler = http.get(url, async ({ request }) => {
    state.calls += 1;
    const params = new URL(request.url).searchParams;
    if (state.mode === 'slow') await delay(5_000);
    if (state.mode === 'rate-limited')
      return HttpResponse.json(
        {
          fault: {
            faultstring: 'Rate limit quota violation. Quota limit exceeded',
            detail: { errorcode: 'policies.ratelimit.QuotaViolation' },
          },
        },
        { status: 429 },
      );
    if (state.mode === 'broken') return new HttpResponse('upstream connect error', { status: 500 });
    if (params.get('key') !== apiKey)
      return HttpResponse.json(
        {
          fault: {
            faultstring: 'Invalid ApiKey',
            detail: { errorcode: 'oauth.v2.InvalidApiKey' },
          },
        },
        { status: 401 },
      );
    const postcode = (params.get('postcode') ?? '').toUpperCase().replace(/\s/g, '');
    if (!/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(postcode))
      return HttpResponse.json(
        {
          error: {
            statuscode: 400,
            message:
              'Requested postcode must contain a minimum of the sector plus 1 digit of the district e.g. SO1. Requested postcode was ' +
              postcode,
          },
        },
        { status: 400 },
      );
    const matches = addresses.filter((dpa) => dpa.POSTCODE.replace(/\s/g, '') === postcode);
    const header = {
      uri: request.url.replace(apiKey, 'REDACTED'),
      query: `postcode=${postcode}`,
      offset: 0,
      totalresults: matches.length,
      format: 'JSON',
      dataset: 'DPA',
      lr: 'EN,CY',
      maxresults: 100,
      epoch: '117',
      lastupdate: '2026-11-01',
      output_srs: 'EPSG:27700',
    };
    return HttpResponse.json(
      matches.length > 0
        ? {
            header,
            results: matches.map((dpa) => ({
              DPA: {
                ...dpa,
                UDPRN: '12345678',
                STATUS: 'APPROVED',
                MATCH: 1.0,
              },
            })),
          }
        : { header },
    );
  });
  return { handlers: [handler], state };
}
