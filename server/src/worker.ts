import { boot } from './boot.js';

// The delivery worker only, against DATABASE_URL; run as many as you need.
await boot({ api: false, worker: true, embeddedDatabase: false });
