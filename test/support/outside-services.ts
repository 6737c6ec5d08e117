import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * msw for what lies outside the portal (GOV.UK Notify, OS Places), for the whole test file: the
 * `handlers` given stand for the whole file, those a test adds with `use` go after it. A request
 * nobody set a handler for fails the test; `unhandled: 'bypass'` lets it through instead, for a
 * file whose requests also go to real counterparts on loopback (a browser's, a listening app's).
 */
export function outsideServices(
  options: { handlers?: readonly RequestHandler[]; unhandled?: 'error' | 'bypass' } = {},
): ReturnType<typeof setupServer> {
  const server = setupServer(...(options.handlers ?? []));
  beforeAll(() => {
    server.listen({ onUnhandledRequest: options.unhandled ?? 'error' });
  });
  afterEach(() => {
    server.resetHandlers();
  });
  afterAll(() => {
    server.close();
  });
  return server;
}
