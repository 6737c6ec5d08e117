import { z } from 'zod';

/** `POST /api/staff/sign-in` and `POST /api/agency-portal/sign-in` body: both consoles sign in alike. */
export const signInRequestSchema = z.strictObject({
  email: z.string().trim().min(1, { error: 'Enter your email address' }).max(320),
  password: z.string().min(1, { error: 'Enter your password' }).max(1000),
});

/** A console's sign-in body. */
export type SignInRequest = z.infer<typeof signInRequestSchema>;
