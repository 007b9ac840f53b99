// npm run hubspot:project — writes the HubSpot developer project's configuration (extensions/hubspot) from
// Baton's code and BATON_PUBLIC_URL (+ BATON_SUPPORT_EMAIL, BATON_SUPPORT_URL, BATON_DOCUMENTATION_URL).
// `npm run hubspot:project -- --check` writes nothing and fails when the files on disk differ.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { projectSettingsFromEnv } from '../extensions/hubspot/generator/projectSettings.ts';
import { PROJECT_DIR, renderProjectFiles } from '../extensions/hubspot/generator/renderProjectFiles.ts';

async function current(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const checkOnly = process.argv.includes('--check');
  const parsed = projectSettingsFromEnv(process.env);
  if (!parsed.ok) {
    console.error(
      `Cannot generate the HubSpot project:\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    return 1;
  }
  const files = await renderProjectFiles(parsed.settings);
  let stale = 0;
  for (const file of files) {
    const target = join(PROJECT_DIR, file.path);
    if ((await current(target)) === file.text) continue;
    stale += 1;
    if (checkOnly) {
      console.error(`stale: extensions/hubspot/${file.path}`);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.text);
    console.log(`wrote extensions/hubspot/${file.path}`);
  }
  console.log(
    `${files.length} files for ${parsed.settings.publicUrl}: ${stale === 0 ? 'all current' : `${stale} ${checkOnly ? 'stale' : 'updated'}`}`,
  );
  return checkOnly && stale > 0 ? 1 : 0;
}

process.exitCode = await main();
