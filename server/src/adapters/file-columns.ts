import type { AgencyKind } from '@tuo/shared';
import type { FileColumnLabels } from '../channels/file/agency-file.js';
import { councilFileColumns } from './council/council-file-columns.js';
import { gpPracticeFileColumns } from './gp-practice/gp-practice-file-columns.js';
import { housingProviderFileColumns } from './housing-provider/housing-provider-file-columns.js';
import { jobcentreFileColumns } from './jobcentre/jobcentre-file-columns.js';

/**
 * Each kind's words for its scheduled files' fixed columns (its back offices' own terms): where the
 * kinds really differ, so each has its folder. A `Record`, so a kind without them does not compile.
 */
export const kindFileColumns: Readonly<Record<AgencyKind, FileColumnLabels>> = {
  council: councilFileColumns,
  'gp-practice': gpPracticeFileColumns,
  'housing-provider': housingProviderFileColumns,
  jobcentre: jobcentreFileColumns,
};
