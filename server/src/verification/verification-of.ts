import type { Channel } from '@tuo/shared';
import { verificationLevel, type Verification, type VerificationCheck } from '@tuo/shared/verification/verification';

/** The `verification` a payload carries, from a submission's checks; undefined when they reach no level. */
export function verificationOf(checks: VerificationCheck[], channel: Channel): Verification | undefined {
  const level = verificationLevel(checks);
  return level ? { level, checks, channel } : undefined;
}
