import { randomBytes } from 'node:crypto';
import type { StaffRole } from '@tuo/shared/api/staff-session';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../server/src/db/database.js';
import { requiresSecondFactor } from '../../server/src/console/second-factor.js';
import { createStaffUser } from '../../server/src/staff/staff-accounts.js';
import type { FormPairs } from './resident.js';
import { enrolTestSecondFactor, nextSecondFactorCode, type TestSecondFactor } from './second-factor.js';

/** A staff account made for a test, with its password, and its authenticator app when its role needs one. */
export interface TestStaff {
  id: string;
  email: string;
  role: StaffRole;
  password: string;
  secondFactor?: TestSecondFactor;
}

/**
 * Makes a staff account the way `npm run staff:create` does. Supervisors and admins must have a
 * second factor, so theirs is set up too (unless `secondFactor: false`, to test setting one up).
 */
export async function createTestStaff(
  db: Kysely<Database>,
  role: StaffRole,
  email = `${role}.${randomBytes(4).toString('hex')}@council.example`,
  options: { secondFactor?: boolean; displayName?: string } = {},
): Promise<TestStaff> {
  const password = randomBytes(12).toString('base64url');
  const user = await createStaffUser(db, { email, role, password, displayName: options.displayName });
  const enrol = options.secondFactor ?? requiresSecondFactor(role);
  return { ...user, password, ...(enrol ? { secondFactor: await enrolTestSecondFactor(db, user.id) } : {}) };
}

/**
 * A browser's memory for the staff console: every cookie it was given (staff and resident), and
 * the anti-forgery token of the last page or session response, sent back as a browser would.
 */
export class StaffClient {
  readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(
    protected readonly app: FastifyInstance,
    private readonly remoteAddress = '127.0.0.1',
  ) {}

  /** The staff session cookie's value, to compare before and after sign-in. */
  get staffCookie(): string | undefined {
    return this.cookies.get('tuo-staff');
  }

  /** A JSON API call; state-changing calls send the token unless `csrf: null`. */
  async api(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: object,
    options: { csrf?: string | null } = {},
  ): Promise<LightMyRequestResponse> {
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    const headers: Record<string, string> = {
      ...this.cookieHeader(),
      ...(token !== null && method !== 'GET' ? { 'x-csrf-token': token } : {}),
    };
    const response = await this.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.remoteAddress,
      ...(body ? { payload: body } : {}),
    });
    return this.remember(response);
  }

  /** A page, as a browser asks for it. */
  async page(url: string): Promise<LightMyRequestResponse> {
    return this.remember(
      await this.app.inject({
        method: 'GET',
        url,
        headers: { accept: 'text/html', ...this.cookieHeader() },
        remoteAddress: this.remoteAddress,
      }),
    );
  }

  /** A form post with the token of the last page (or `csrf`, or none with `null`). */
  async form(
    url: string,
    pairs: FormPairs = [],
    options: { csrf?: string | null } = {},
  ): Promise<LightMyRequestResponse> {
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    const body = new URLSearchParams([
      ...(token === null ? [] : [['_csrf', token]]),
      ...pairs.map(([name, value]) => [name, value]),
    ]);
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body.toString(),
        headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...this.cookieHeader() },
        remoteAddress: this.remoteAddress,
      }),
    );
  }

  /** Signs in through the JSON API, as a script would, answering the second factor when asked for it. */
  async signIn(
    staff: Pick<TestStaff, 'email' | 'password'> & Partial<Pick<TestStaff, 'id' | 'secondFactor'>>,
  ): Promise<LightMyRequestResponse> {
    await this.api('GET', '/api/staff/session');
    const response = await this.api('POST', '/api/staff/sign-in', { email: staff.email, password: staff.password });
    if (response.statusCode !== 200 || response.json<{ awaiting?: string }>().awaiting !== 'second-factor')
      return response;
    if (!staff.id || !staff.secondFactor) throw new Error('this account has a second factor the test does not hold');
    const code = await nextSecondFactorCode(this.app.db, staff.id, staff.secondFactor);
    return this.api('POST', '/api/staff/sign-in/code', { code });
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size > 0
      ? { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') }
      : {};
  }

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies) {
      // A cleared cookie comes back empty and already expired.
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() <= Date.now()))
        this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const type = response.headers['content-type'] ?? '';
    if (type.startsWith('application/json') && response.statusCode < 300) {
      const token = response.json<{ csrfToken?: unknown }>().csrfToken;
      if (typeof token === 'string') this.csrf = token;
    }
    const formToken = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (formToken) this.csrf = formToken;
    return response;
  }
}
