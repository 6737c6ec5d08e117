import { randomBytes } from 'node:crypto';
import type { AgencyKind } from '@tuo/shared';
import type { AgencyRole } from '@tuo/shared/api/agency-portal';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { createAgencyUser } from '../../server/src/agency-portal/agency-accounts.js';
import { fallbackOrganisation } from '../../server/src/organisations/fallback-organisation.js';
import type { OrganisationScope } from '../../server/src/organisations/organisation-scope.js';
import type { Database } from '../../server/src/db/database.js';
import { enrolTestSecondFactor, nextSecondFactorCode, type TestSecondFactor } from './second-factor.js';
import { StaffClient } from './staff-client.js';

/** An agency account made for a test, with its password. */
export interface TestAgencyUser {
  id: string;
  email: string;
  role: AgencyRole;
  agency: AgencyKind;
  password: string;
  secondFactor?: TestSecondFactor;
}

/** Makes an agency account the way `npm run agency:user` does. */
export async function createTestAgencyUser(
  db: Kysely<Database>,
  agency: AgencyKind,
  role: AgencyRole = 'agency-user',
  organisation?: OrganisationScope,
  displayName?: string,
): Promise<TestAgencyUser> {
  const password = randomBytes(12).toString('base64url');
  const user = await createAgencyUser(db, {
    email: `${role}.${agency}.${randomBytes(4).toString('hex')}@agency.example`,
    role,
    organisation: organisation ?? (await fallbackOrganisation(db, agency)),
    password,
    displayName,
  });
  // Agency admins must have a second factor, so theirs is set up as the set-up page would.
  return {
    ...user,
    password,
    ...(role === 'agency-admin' ? { secondFactor: await enrolTestSecondFactor(db, user.id) } : {}),
  };
}

/** A browser's memory for the agency portal (cookies and the last anti-forgery token), signed in through the form. */
export class AgencyClient extends StaffClient {
  /** The agency session cookie's value. */
  get agencyCookie(): string | undefined {
    return this.cookies.get('tuo-agency');
  }

  /**
   * Signs in through the HTML form, as a person would, answering the second factor's page when it
   * comes; answers the last form post's response.
   */
  async signInWithForm(
    user: Pick<TestAgencyUser, 'email' | 'password'> & Partial<Pick<TestAgencyUser, 'id' | 'secondFactor'>>,
  ): Promise<LightMyRequestResponse> {
    await this.page('/agency/sign-in');
    const response = await this.form('/agency/sign-in', [
      ['email', user.email],
      ['password', user.password],
    ]);
    if (response.headers.location !== '/agency/sign-in/code') return response;
    if (!user.id || !user.secondFactor) throw new Error('this account has a second factor the test does not hold');
    await this.page('/agency/sign-in/code');
    return this.form('/agency/sign-in/code', [
      ['code', await nextSecondFactorCode(this.app.db, user.id, user.secondFactor)],
    ]);
  }
}

/** A signed-in agency client (asserting the sign-in worked). */
export async function signedInAgencyClient(app: FastifyInstance, user: TestAgencyUser): Promise<AgencyClient> {
  const client = new AgencyClient(app);
  const response = await client.signInWithForm(user);
  if (response.statusCode !== 303 || response.headers.location !== '/agency/notifications')
    throw new Error(`agency sign-in failed: ${String(response.statusCode)}`);
  return client;
}
