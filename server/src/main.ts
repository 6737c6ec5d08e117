import { boot } from './boot.js';

// The whole portal in one process: API, worker and pages, on an embedded Postgres unless DATABASE_URL is set.
await boot({ api: true, worker: true, embeddedDatabase: true, dev: process.argv.includes('--dev') });
