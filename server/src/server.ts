import { boot } from './boot.js';

// The API and pages only, against DATABASE_URL; run as many as you need behind a load balancer.
await boot({ api: true, worker: false, embeddedDatabase: false });
