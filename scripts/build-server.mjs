// Compiles the server for production: each entry point (the one-process portal, the API, the worker
// and the command-line tools) bundled with the shared workspace into server/dist as plain
// JavaScript, and each migration beside them in server/dist/migrations, so `node` runs them with no
// TypeScript loader. Packages from node_modules stay imports (they are installed where it runs).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const serverSource = path.join(root, 'server/src');
const outdir = path.join(root, 'server/dist');

/** `*-cli.ts` anywhere under server/src. */
function commandLineTools(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return commandLineTools(full);
    return entry.name.endsWith('-cli.ts') ? [full] : [];
  });
}

const common = { platform: 'node', format: 'esm', target: 'node20.19', sourcemap: true, logLevel: 'warning' };

/** Our own workspaces (@tuo/*) and relative imports are bundled; every other package stays an import. */
const externalPackages = {
  name: 'external-packages',
  setup(plugin) {
    plugin.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@tuo/') || path.isAbsolute(args.path) ? undefined : { path: args.path, external: true },
    );
  },
};

await build({
  ...common,
  entryPoints: ['main.ts', 'server.ts', 'worker.ts']
    .map((file) => path.join(serverSource, file))
    .concat(commandLineTools(serverSource)),
  outbase: serverSource,
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [externalPackages],
});

const migrations = path.join(root, 'migrations');
await build({
  ...common,
  entryPoints: readdirSync(migrations)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(migrations, file)),
  outdir: path.join(outdir, 'migrations'),
  bundle: false,
});
console.log('[tell-us-once] Server compiled into server/dist.');
