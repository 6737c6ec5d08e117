/** The current submission envelope version. Older versions stay importable from `./v1/…`. */
export {
  submissionEnvelopeV1Schema as submissionEnvelopeSchema,
  consentRecordSchema,
  consentGivenBySchema,
} from './v1/submission-envelope-v1-schema.js';
export type {
  SubmissionEnvelopeV1 as SubmissionEnvelope,
  ConsentRecord,
  ConsentGivenBy,
} from './v1/submission-envelope-v1-schema.js';
export { submissionEnvelopeV1Schema } from './v1/submission-envelope-v1-schema.js';
export type { SubmissionEnvelopeV1 } from './v1/submission-envelope-v1-schema.js';
export { agencyPayloadSchema } from './v1/agency-payload-schema.js';
export type { AgencyPayloadV1 as AgencyPayload, AgencyPayloadV1 } from './v1/agency-payload-schema.js';
export { toAgencyPayload } from './v1/to-agency-payload.js';
export { withoutUprns } from './v1/without-uprns.js';
export { councilAddressFields, unplacedAddressNotes, unplacedAddressReason } from './v1/unplaced-address-notes.js';
export type { UnplacedAddressNote } from './v1/unplaced-address-notes.js';
export {
  createSubmissionEnvelopeV1 as createSubmissionEnvelope,
  createSubmissionEnvelopeV1,
} from './v1/create-envelope-v1.js';
export type { EnvelopeMeta, EnvelopeRequest, ToldOrganisation } from './v1/create-envelope-v1.js';
export { channels, channelSchema, isLanguage, languages, languageSchema, textDirection } from './channel.js';
export type { Channel, Language } from './channel.js';
