// The browser build's `zod` (an alias in vite.config.ts). Zod compiles faster object parsers with
// `new Function` where it may, first testing whether eval is allowed; our Content-Security-Policy
// allows no eval, and the browser reports the refused test as a violation on every page. Parsers
// built without eval (`jitless`) behave the same. Every module importing `zod` imports this one,
// so the setting is made before any schema is built.
import { config } from 'zod/v4/core';

config({ jitless: true });

export * from 'zod/v4';
export { z, z as default } from 'zod/v4';
