import type { StartAssistedRequest } from '@tuo/shared/api/staff-session';
import type { VerificationCheck } from '@tuo/shared/verification/verification';

// Photo identity or proof of address are documents an adviser saw; the other checks are questions asked.
const documents: readonly string[] = ['photo-id', 'proof-of-address'];

/**
 * What is already checked when a report is accepted: for an adviser's assisted report, the identity
 * checks they recorded (documents seen count as `identity-documents-seen`, questions or a call back
 * as `adviser-checked`); nothing for an online report, which waits for its code.
 */
export function initialChecks(
  at: Date,
  assisted: { staffId: string; request: StartAssistedRequest } | undefined,
): VerificationCheck[] {
  if (!assisted) return [];
  const recorded = assisted.request.identityChecks;
  const seen = recorded.some((check) => documents.includes(check));
  return [
    {
      kind: seen ? 'identity-documents-seen' : 'adviser-checked',
      by: `adviser:${assisted.staffId}`,
      at: at.toISOString(),
      detail: [...recorded],
    },
  ];
}
