import { agencyReferenceSchema } from '@tuo/shared/api/agency-notifications';
import type { WebhookAnswer } from './webhook-request.js';
import { z } from 'zod';

/** The most of an answer read: a reference is short, and an agency's page of HTML is not wanted. */
const answerLimitBytes = 4096;

const answerSchema = z.object({ reference: agencyReferenceSchema });

/** Reads at most `limit` bytes of a body; a longer one is cut off (its connection closed, not reused). */
async function readCapped(body: WebhookAnswer['body'], limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    // Leaving the loop early destroys the rest of the answer.
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The agency's own case reference from its webhook's 2xx answer, `{"reference": "…"}` as JSON:
 * anything else (no body, not JSON, too long, a reference with odd characters) is no reference,
 * and the delivery still counts as accepted.
 */
export async function agencyReferenceFrom(response: WebhookAnswer): Promise<string | undefined> {
  const { body } = response;
  const contentType = response.headers['content-type'];
  if (!/^application\/(.+\+)?json\b/i.test(typeof contentType === 'string' ? contentType : '')) {
    body.resume();
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
