import { agencyReferenceSchema } from '@tuo/shared/api/agency-notifications';
import { z } from 'zod';

/** The most of an answer read: a reference is short, and an agency's page of HTML is not wanted. */
const answerLimitBytes = 4096;

const answerSchema = z.object({ reference: agencyReferenceSchema });

/** Reads at most `limit` bytes of a body, then lets the rest go so the connection can be reused. */
async function readCapped(body: ReadableStream<Uint8Array>, limit: number): Promise<string | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) return undefined;
      chunks.push(value);
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The agency's own case reference from its webhook's 2xx answer, `{"reference": "…"}` as JSON:
 * anything else (no body, not JSON, too long, a reference with odd characters) is no reference,
 * and the delivery still counts as accepted.
 */
export async function agencyReferenceFrom(response: Response): Promise<string | undefined> {
  const body = response.body;
  if (!body) return undefined;
  if (!/^application\/(.+\+)?json\b/i.test(response.headers.get('content-type') ?? '')) {
    void body.cancel().catch(() => undefined);
    return undefined;
  }
  try {
    const text = await readCapped(body, answerLimitBytes);
    if (text === undefined) return undefined;
    const parsed = answerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.reference : undefined;
  } catch {
    return undefined;
  }
}
