import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../../config.js';
import type { StaffScopeOptions } from '../staff-scope-options.js';
import { assistedPages } from './assisted-pages.js';
import { accountPages } from '../../../console/account-pages.js';
import { staffAccounts } from './account-pages.js';
import { accountLinkNotifyOf } from '../../../console/account-link-email.js';
import { organisationPages } from './organisation-pages.js';
import { auditPages } from './audit-pages.js';
import { setPasswordPages } from '../../../console/set-password-pages.js';
import { staffSetPassword } from './set-password-pages.js';
import { consolePages } from './console-pages.js';
import { privacyPages } from './privacy-pages.js';
import { signInPages } from './sign-in-pages.js';
import { singleSignOnPages } from './single-sign-on-pages.js';
import { staffSecondFactorPages } from './staff-second-factor-pages.js';
import { submissionPages } from './submission-pages.js';
import { serviceLevelPages } from './service-level-pages.js';
import { needsCheckingPages } from './needs-checking-pages.js';
import { correctionPages } from './correction-pages.js';

/** The console's server-rendered pages: each a plain HTML form or link, working without JavaScript. */
export const staffPageRoutes: FastifyPluginAsync<
  StaffScopeOptions & {
    config: Pick<Config, 'serviceLevels' | 'signIn' | 'verificationMinimums' | 'notify' | 'accounts' | 'agencies'>;
  }
> = async (app, options) => {
  const { signIn } = options.config;
  await app.register(signInPages, { ...options, signIn: signIn.staff });
  if (signIn.staff.oidc) await app.register(singleSignOnPages, { ...options, provider: signIn.staff.oidc });
  await app.register(staffSecondFactorPages(options.secret));
  await app.register(consolePages);
  await app.register(submissionPages);
  await app.register(assistedPages, options);
  await app.register(auditPages);
  await app.register(accountPages, {
    on: staffAccounts,
    publicUrl: options.publicUrl,
    passwords: signIn.staff.passwords,
    notify: accountLinkNotifyOf(options.config),
  });
  if (signIn.staff.passwords) await app.register(setPasswordPages, { on: staffSetPassword });
  await app.register(organisationPages, { config: options.config, secret: options.secret });
  await app.register(serviceLevelPages, { config: options.config });
  await app.register(privacyPages);
  await app.register(needsCheckingPages);
  await app.register(correctionPages);
};
