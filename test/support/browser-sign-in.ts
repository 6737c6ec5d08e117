import type { Kysely } from 'kysely';
import type { Page } from 'playwright-core';
import type { Database } from '../../server/src/db/database.js';
import { nextSecondFactorCode, type TestSecondFactor } from './second-factor.js';

/** Someone a browser test signs in: their password, and their authenticator app when they have one. */
export interface BrowserSignInAccount {
  id: string;
  email: string;
  password: string;
  secondFactor?: TestSecondFactor;
}

/**
 * Signs in through a console's sign-in page as a person would (`/staff` or `/agency`), typing the
 * second factor's code when the console asks for it, and waits to land on `home`.
 */
export async function signInInBrowser(
  page: Page,
  options: { baseUrl: string; db: Kysely<Database>; base: '/staff' | '/agency'; home: string },
  who: BrowserSignInAccount,
): Promise<void> {
  const { baseUrl, base, home } = options;
  await page.goto(`${baseUrl}${base}/sign-in`);
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  const codePath = `${base}/sign-in/code`;
  await Promise.all([
    page.waitForURL((url) => url.pathname === home || url.pathname === codePath),
    page.getByRole('button', { name: 'Sign in', exact: true }).click(),
  ]);
  if (new URL(page.url()).pathname !== codePath) return;
  if (!who.secondFactor) throw new Error('this account has a second factor the test does not hold');
  await page.getByLabel('Security code').fill(await nextSecondFactorCode(options.db, who.id, who.secondFactor));
  await Promise.all([
    page.waitForURL((url) => url.pathname === home),
    page.getByRole('button', { name: 'Continue' }).click(),
  ]);
}
