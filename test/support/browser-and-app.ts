import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { startListeningApp, type ListeningApp } from './listening-app.js';

/** The browser and the listening app of one browser test file, once its `beforeAll` has run. */
export interface BrowserAndApp {
  readonly browser: Browser;
  readonly server: ListeningApp;
}

/**
 * Starts Chromium and the real app on a free port (its own database) before the file's tests, and
 * closes both after them. Call it at the top of the file; read `browser` and `server` inside tests.
 */
export function browserAndApp(options: Parameters<typeof startListeningApp>[0] = {}): BrowserAndApp {
  let started: { browser: Browser; server: ListeningApp } | undefined;
  beforeAll(async () => {
    const [browser, server] = await Promise.all([launchBrowser(), startListeningApp(options)]);
    started = { browser, server };
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.server.close();
  });
  const running = () => {
    if (!started) throw new Error('The browser and app start in beforeAll: use them inside a test');
    return started;
  };
  return {
    get browser() {
      return running().browser;
    },
    get server() {
      return running().server;
    },
  };
}
