// Turns the generated project files into the exact text on disk, formatted by the repository's prettier config,
// so a fresh generation and the committed files compare byte for byte.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { hubspotProjectFiles, type ProjectFile } from './projectFiles.ts';
import type { ProjectSettings } from './projectSettings.ts';

/** extensions/hubspot, the HubSpot project root. */
export const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface RenderedFile {
  /** Relative to the project root. */
  path: string;
  text: string;
}

async function render(file: ProjectFile): Promise<RenderedFile> {
  const absolute = join(PROJECT_DIR, file.path);
  const options = (await prettier.resolveConfig(absolute)) ?? {};
  const raw = 'json' in file ? JSON.stringify(file.json) : file.typescript;
  return { path: file.path, text: await prettier.format(raw, { ...options, filepath: absolute }) };
}

export function renderProjectFiles(settings: ProjectSettings): Promise<RenderedFile[]> {
  return Promise.all(hubspotProjectFiles(settings).map(render));
}
