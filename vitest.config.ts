import { defineConfig } from 'vitest/config';

// Vitest 5's reporter calls Map.groupBy, which Node 20 lacks (it arrived in Node 21); without
// this, a failing test crashes the report instead of showing the failure. Node 22+ ignores it.
if (!('groupBy' in Map)) {
  Object.defineProperty(Map, 'groupBy', {
    value<K, V>(items: Iterable<V>, key: (item: V, index: number) => K): Map<K, V[]> {
      const groups = new Map<K, V[]>();
      let index = 0;
      for (const item of items) {
        const k = key(item, index++);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      return groups;
    },
  });
}

// Three layers, told apart by where they live (see CONTRIBUTING.md, "Tests"): unit tests sit
// beside the code; integration and e2e tests cross packages under test/. The run ends with the time
// each layer took.
//
// `isolate: false`: a worker keeps the modules it has loaded from one test file to the next, rather
// than importing the whole server again for each (that import was half the integration layer's CPU
// time). Each file still starts its own app, database and servers and stops them after; nothing here
// mocks a module or stubs a global, which is what sharing modules would break.
// Browser tests run one file at a time: each keeps both cores busy (Chromium, axe, the app, Postgres),
// so two at once only take twice as long each.
export default defineConfig({
  test: {
    reporters: ['default', './test/support/layer-times-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'client/src/**/*.test.{ts,tsx}',
            'test/deployment/**/*.test.ts',
          ],
          environment: 'node',
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          isolate: false,
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          isolate: false,
        },
      },
    ],
  },
});
