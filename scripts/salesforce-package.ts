// npm run salesforce:package — writes the Salesforce package's generated files (extensions/salesforce: Lead fields,
// picklist values, the shared reason and funnel modules, permission sets, quick action, CDC channel members, queue)
// from Baton's code. `npm run salesforce:package -- --check` writes nothing and fails when the files on disk differ.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PROJECT_DIR, renderPackageFiles } from '../extensions/salesforce/generator/renderPackageFiles.ts';

async function current(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const checkOnly = process.argv.includes('--check');
  const files = await renderPackageFiles();
  let stale = 0;
  for (const file of files) {
    const target = join(PROJECT_DIR, file.path);
    if ((await current(target)) === file.text) continue;
    stale += 1;
    if (checkOnly) {
      console.error(`stale: extensions/salesforce/${file.path}`);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.text);
    console.log(`wrote extensions/salesforce/${file.path}`);
  }
  console.log(
    `${files.length} generated files: ${stale === 0 ? 'all current' : `${stale} ${checkOnly ? 'stale' : 'updated'}`}`,
  );
  return checkOnly && stale > 0 ? 1 : 0;
}

process.exitCode = await main();
