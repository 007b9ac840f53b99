// Turns the package files into the exact text on disk — JavaScript and JSON formatted by the package's prettier
// config, XML as written — so a fresh generation and the committed files compare byte for byte.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { salesforcePackageFiles, type PackageFile } from './packageFiles.ts';

/** extensions/salesforce, the SFDX project root. */
export const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface RenderedFile {
  /** Relative to the project root. */
  path: string;
  text: string;
}

async function render(file: PackageFile): Promise<RenderedFile> {
  if ('xml' in file) return { path: file.path, text: file.xml };
  const absolute = join(PROJECT_DIR, file.path);
  const options = (await prettier.resolveConfig(absolute)) ?? {};
  const raw = 'json' in file ? JSON.stringify(file.json) : file.js;
  return { path: file.path, text: await prettier.format(raw, { ...options, filepath: absolute }) };
}

export function renderPackageFiles(): Promise<RenderedFile[]> {
  return Promise.all(salesforcePackageFiles().map(render));
}
