import { createHmac, randomUUID } from 'node:crypto';
import { http, HttpResponse } from 'msw';

const defaultBase = 'https://api.notifications.service.gov.uk';

/** A message the fake GOV.UK Notify accepted. */
export interface NotifySent {
  type: 'email' | 'sms';
  templateId: string;
  to: string;
  personalisation: Record<string, string>;
}

function verifyJwt(token: string, serviceId: string, secret: string): boolean {
  const [header, claims, signature] = token.split('.');
  if (!header || !claims || !signature) return false;
  const expected = createHmac('sha256', secret).update(`${header}.${claims}`).digest('base64url');
  if (expected !== signature) return false;
  const { iss, iat } = JSON.parse(Buffer.from(claims, 'base64url').toString()) as { iss?: string; iat?: number };
  return iss === serviceId && typeof iat === 'number' && Math.abs(Date.now() / 1000 - iat) < 30;
}

/**
 * A stand-in for GOV.UK Notify that keeps its rules: a bearer JWT signed with the key's secret
 * and issued by its service (403 otherwise), a template id and a recipient (400 otherwise).
 */
export function fakeNotify(base = defaultBase) {
  const serviceId = randomUUID();
  const secret = randomUUID();
  const apiKey = `tell_us_once_test-${serviceId}-${secret}`;
  const sent: NotifySent[] = [];
  const handle = (type: 'email' | 'sms') =>
    http.post(`${base}/v2/notifications/${type}`, async ({ request }) => {
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
      if (!verifyJwt(token, serviceId, secret))
        return HttpResponse.json({ errors: [{ error: 'AuthError' }] }, { status: 403 });
      const body = (await request.json()) as {
        template_id?: string;
        email_address?: string;
        phone_number?: string;
        personalisation?: Record<string, string>;
      };
      const to = type === 'email' ? body.email_address : body.phone_number;
      if (!body.template_id || !to)
        return HttpResponse.json({ errors: [{ error: 'BadRequestError' }] }, { status: 400 });
      sent.push({ type, templateId: body.template_id, to, personalisation: body.personalisation ?? {} });
      return HttpResponse.json(
        { id: randomUUID(), content: { body: '', subject: '' }, template: { id: body.template_id } },
        { status: 201 },
      );
    });
  return { handlers: [handle('email'), handle('sms')], apiKey, sent };
}
