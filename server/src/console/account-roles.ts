import type { AccountRole } from '@tuo/shared/api/account-admin';

/**
 * `role` as one of a console's `roles`, or undefined: an account row's role is any account role,
 * even where the query kept only that console's, so this narrows it without a cast.
 */
export function roleAmong<R extends AccountRole>(roles: readonly R[], role: AccountRole): R | undefined {
  return roles.find((held) => held === role);
}
