import { createHash } from 'node:crypto';
import { expect } from 'vitest';

/** An SFTP folder as a test reads it: its file names, sorted, and a file's bytes. */
export interface UploadedFolder {
  files: () => Promise<string[]>;
  read: (name: string) => Promise<Buffer>;
}

/** What a data file's manifest says of it. */
export interface UploadedManifest {
  file: string;
  records: number;
  sha256: string;
  organisation?: string;
}

/**
 * The notification ids in each data file uploaded to a folder (the CSV's first column, or the XML's
 * `id`s), by file name, each checked against its manifest (name, count, SHA-256); no `.part` file is
 * left behind. `include` picks the files of one agency kind from a shared folder.
 */
export async function uploadedRecords(
  folder: UploadedFolder,
  include: (name: string) => boolean = () => true,
): Promise<{ records: Map<string, string[]>; manifests: UploadedManifest[] }> {
  const names = (await folder.files()).filter(include);
  expect(names.filter((name) => name.endsWith('.part'))).toEqual([]);
  const records = new Map<string, string[]>();
  const manifests: UploadedManifest[] = [];
  for (const name of names.filter((file) => !file.endsWith('.manifest.json'))) {
    const content = await folder.read(name);
    const manifest = JSON.parse((await folder.read(`${name}.manifest.json`)).toString('utf8')) as UploadedManifest;
    expect(manifest.file).toBe(name);
    expect(manifest.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    const ids = name.endsWith('.csv')
      ? content
          .toString('utf8')
          .trimEnd()
          .split('\r\n')
          .slice(1)
          .map((line) => /^"([^"]+)"/.exec(line)?.[1] ?? '')
      : [...content.toString('utf8').matchAll(/<notification id="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(ids).toHaveLength(manifest.records);
    records.set(name, ids);
    manifests.push(manifest);
  }
  return { records, manifests };
}
