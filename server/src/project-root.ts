import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's top folder (with `migrations/` and `client/`), found upward from this module, so
 * that it is the same whether the server runs from its TypeScript sources (`server/src`, through
 * tsx) or compiled (`server/dist`, with node).
 */
export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** Whether this process runs the TypeScript sources rather than the compiled server. */
export const runningFromSources = import.meta.url.endsWith('.ts');

function findProjectRoot(from: string): string {
  for (let folder = from; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, 'migrations')) && existsSync(path.join(folder, 'client'))) return folder;
    if (path.dirname(folder) === folder)
      throw new Error(`No project folder (with migrations/ and client/) above ${from}`);
  }
}
