/** The GOV.UK error message for a telephone number we cannot use. */
export const phoneNumberMessage = 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192';

/** Ofcom's numbers reserved for drama: a landline, a mobile and a freephone number. */
export const examplePhoneNumbers = ['01632 960 001', '07700 900 982', '+44 808 157 0192'] as const;

// UK numbers written nationally: 0 then 9 or 10 digits. Mobiles (07) and 09 are always 11 digits;
// 04 and 06 are not used.
const ukNationalPattern = /^0(?:[1-35]\d{8,9}|7\d{9}|8\d{8,9}|9\d{9})$/;
// Numbers abroad in E.164 form, for a relative who lives outside the UK.
const internationalPattern = /^\+(?!44)[1-9]\d{6,14}$/;

function clean(input: string): string {
  const compact = input.replace(/\(0\)/g, '').replace(/[\s\-.()]/g, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}

function ukNational(cleaned: string): string | undefined {
  if (cleaned.startsWith('+44')) {
    const rest = cleaned.slice(3);
    return `0${rest.startsWith('0') ? rest.slice(1) : rest}`;
  }
  return cleaned.startsWith('+') ? undefined : cleaned;
}

/**
 * Normalises a telephone number to E.164, so "07700 900 982", "+44 (0)7700 900982" and
 * "0044 7700 900982" all become "+447700900982". Spaces, hyphens, dots and brackets are ignored.
 * Input that is not a valid number is returned without separators. Safe to call twice.
 */
export function normalisePhoneNumber(input: string): string {
  const cleaned = clean(input);
  const national = ukNational(cleaned);
  if (national !== undefined && ukNationalPattern.test(national)) return `+44${national.slice(1)}`;
  return cleaned;
}

/** True for a UK landline, mobile or non-geographic number, or an international number starting with +. */
export function isValidPhoneNumber(input: string): boolean {
  const normalised = normalisePhoneNumber(input);
  return normalised.startsWith('+44')
    ? ukNationalPattern.test(`0${normalised.slice(3)}`)
    : internationalPattern.test(normalised);
}

/**
 * A normalised number as people in the UK write it: UK numbers nationally with the usual gaps
 * ("07700 900982", "020 7946 0958", "0808 157 0192", "01632 960001"), numbers abroad as kept
 * ("+33123456789"). Residents typed a national number and did not recognise it as "+44…".
 */
export function formatPhoneNumber(phoneNumber: string): string {
  const normalised = normalisePhoneNumber(phoneNumber);
  if (!normalised.startsWith('+44')) return normalised;
  const national = `0${normalised.slice(3)}`;
  if (!ukNationalPattern.test(national)) return normalised;
  // 02x area codes are 3 digits with a 4-4 number; 03, 08 and 09 read as 4-3-4; mobiles and other landlines as 5-6.
  if (/^02\d{9}$/.test(national)) return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  if (/^0[389]\d{9}$/.test(national)) return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  return national.length === 11 ? `${national.slice(0, 5)} ${national.slice(5)}` : national;
}
