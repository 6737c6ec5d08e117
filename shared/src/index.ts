/**
 * The Tell Us Once contract, shared by the server, the client and the agency adapters:
 * identifiers, the life-event catalogue and its engine, the submission envelope and API schemas.
 */
export { agencies, agencyKinds, agencyKindSchema } from './agencies/agency-kinds.js';
export type { AgencyDescription, AgencyKind } from './agencies/agency-kinds.js';
export { deliveryKey, deliveryRoles, deliveryRoleSchema, parseDeliveryKey } from './agencies/delivery-roles.js';
export type { DeliveryRole } from './agencies/delivery-roles.js';

export { addMonths, formatIsoDate, isRealDate, parseIsoDate, todayInLondon } from './identifiers/calendar-date.js';
export {
  checkIsoDate,
  datePartsSchema,
  datePartsToIsoDate,
  earliestPlausibleDate,
  isoDateSchema,
} from './identifiers/date-parts.js';
export type { DateCheckOptions, DateCheckResult, DatePart, DateParts, DateRule } from './identifiers/date-parts.js';
export { emailMessage, emailSchema, exampleEmails, isValidEmail, normaliseEmail } from './identifiers/email.js';
export {
  exampleNhsNumbers,
  formatNhsNumber,
  isValidNhsNumber,
  nhsNumberCheckDigit,
  nhsNumberMessage,
  normaliseNhsNumber,
} from './identifiers/nhs-number.js';
export { nhsNumberSchema } from './identifiers/nhs-number-schema.js';
export {
  exampleNiNumbers,
  formatNiNumber,
  isValidNiNumber,
  niNumberMessage,
  normaliseNiNumber,
} from './identifiers/ni-number.js';
export { niNumberSchema } from './identifiers/ni-number-schema.js';
export {
  createPersonNameSchema,
  examplePersonNames,
  isValidPersonName,
  normalisePersonName,
  personNameSchema,
} from './identifiers/person-name.js';
export {
  examplePhoneNumbers,
  formatPhoneNumber,
  isValidPhoneNumber,
  normalisePhoneNumber,
  phoneNumberMessage,
} from './identifiers/phone-number.js';
export { phoneNumberSchema } from './identifiers/phone-number-schema.js';
export { examplePostcodes, isValidPostcode, normalisePostcode, postcodeMessage } from './identifiers/postcode.js';
export { postcodeSchema } from './identifiers/postcode-schema.js';
export {
  canonicalReferenceSchema,
  exampleReferences,
  generateReference,
  isValidReference,
  normaliseReference,
  referenceMessage,
  referencePattern,
  referenceSchema,
} from './identifiers/reference.js';

export {
  catalogue,
  getJourney,
  isLifeEventId,
  lifeEventIds,
  lifeEventIdSchema,
  pagePath,
} from './journeys/catalogue.js';
export type { LifeEventId } from './journeys/catalogue.js';
export { contactPage } from './journeys/contact-page.js';
export { conditionSchema } from './journeys/definition/condition-schema.js';
export type { Condition } from './journeys/definition/condition-schema.js';
export { audiences, fieldDefinitionSchema, fieldKinds } from './journeys/definition/field-definition-schema.js';
export type {
  Audience,
  FieldDefinition,
  FieldKind,
  OptionDefinition,
} from './journeys/definition/field-definition-schema.js';
export { journeyDefinitionSchema } from './journeys/definition/journey-definition-schema.js';
export type { JourneyDefinition } from './journeys/definition/journey-definition-schema.js';
export {
  checkAnswersPage,
  pageDefinitionSchema,
  pageKinds,
  pageKindSchemas,
} from './journeys/definition/page-definition-schema.js';
export type { NextStep, PageDefinition, PageKind, PageOfKind } from './journeys/definition/page-definition-schema.js';
export type { FormPageDefinition } from './journeys/definition/page-kinds/form-page-schema.js';
export type { AddAnotherPageDefinition } from './journeys/definition/page-kinds/add-another-page-schema.js';
export {
  maxPeople,
  personMessageTemplate,
  personPartFields,
  tooManyPeopleMessage,
} from './journeys/engine/people-field.js';
export { routingPartSchema, routingRuleSchema } from './journeys/definition/routing-rule-schema.js';
export type { RoutingPart, RoutingRule } from './journeys/definition/routing-rule-schema.js';
export {
  JourneyDefinitionError,
  validateJourneyDefinition,
} from './journeys/definition/validate-journey-definition.js';
export { answerSummary, englishWording, formatAnswer, formatAnswerIn } from './journeys/engine/answer-summary.js';
export type { AnswerSummaryRow, AnswerWording } from './journeys/engine/answer-summary.js';
export type { AddressAnswer, Answers, AnswerValue, EngineOptions, PersonAnswer } from './journeys/engine/answers.js';
export { isPeopleAnswer } from './journeys/engine/answers.js';
export { answersSchema } from './journeys/engine/answers-schema.js';
export type { AnswersSchema } from './journeys/engine/answers-schema.js';
export { checkField, requiredMessage } from './journeys/engine/check-field.js';
export { dontKnowOrganisation, errorName } from './journeys/engine/field-basics.js';
export { chosenOrganisations } from './journeys/engine/chosen-organisations.js';
export type { FieldCheck, FieldIssue, InputMode } from './journeys/engine/check-field.js';
export { consentOptions } from './journeys/engine/consent-options.js';
export type { ConsentOption } from './journeys/engine/consent-options.js';
export { evaluateCondition } from './journeys/engine/evaluate-condition.js';
export { adviserField, adviserJourney, fieldLabelFor, labelInJourney } from './journeys/engine/field-wording.js';
export { findPageByPath, firstPage, getPage, nextPage, reachablePages } from './journeys/engine/next-page.js';
export { applyPageAnswers, pageSchema } from './journeys/engine/page-schema.js';
export type { PageSchema } from './journeys/engine/page-schema.js';
export { pickRoutedAnswers, relevantAgencies, routedFields, routedPurpose } from './journeys/engine/routing.js';
export {
  peopleFieldNames,
  protectedFields,
  protectedKindOf,
  protectedKinds,
} from './journeys/engine/protected-fields.js';
export type { ProtectedKind } from './journeys/engine/protected-fields.js';

export * from './submission/index.js';

export { exampleSubmissions } from './api/example-submissions.js';
export { toFieldErrors } from './api/field-errors.js';
export type { FieldError } from './api/field-errors.js';
export {
  createSubmissionRequestSchema,
  createSubmissionResponseSchema,
  deliveryStatuses,
  submissionStatusResponseSchema,
  trackingSecretSchema,
} from './api/submissions.js';
export type {
  CreateSubmissionRequest,
  CreateSubmissionRequestBody,
  CreateSubmissionResponse,
  DeliveryStatus,
  SubmissionStatusResponse,
} from './api/submissions.js';
