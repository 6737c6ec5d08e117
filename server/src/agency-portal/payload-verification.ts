import { verificationSchema, type Verification } from '@tuo/shared/verification/verification';

/** The `verification` a delivered payload carried (null for one sent before levels, or whose report reached none). */
export function payloadVerification(payload: Record<string, unknown>): Verification | null {
  const parsed = verificationSchema.safeParse(payload.verification);
  return parsed.success ? parsed.data : null;
}
