// The linter enforces DESIGN.md §3: the domain is pure, and inner layers never import outer ones.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer boundaries', () => {
  it.each([
    ['src/domain/x.ts', "import { migrate } from '../store/database.ts';\nexport const x = migrate;\n"],
    ['src/domain/x.ts', "import { createApp } from '../web/app.ts';\nexport const x = createApp;\n"],
    ['src/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src/store/x.ts', "import { createApp } from '../web/app.ts';\nexport const x = createApp;\n"],
    ['src/worker/x.ts', "import { createApp } from '../web/app.ts';\nexport const x = createApp;\n"],
  ])('%s may not import that: %s', async (file, code) => {
    expect(await violations(file, code)).toContain('no-restricted-imports');
  });

  it('the domain never reads the clock or randomness', async () => {
    const found = await violations(
      'src/domain/x.ts',
      'export const x = [Date.now(), new Date(), Math.random()];\n',
    );
    expect(found).toEqual(['no-restricted-properties', 'no-restricted-syntax', 'no-restricted-properties']);
  });

  it('allows what the layering allows', async () => {
    expect(
      await violations(
        'src/worker/x.ts',
        "import { decide } from '../domain/decide/decide.ts';\nexport const x = decide;\n",
      ),
    ).toEqual([]);
    expect(await violations('src/domain/x.ts', 'export const x = new Date(0);\n')).toEqual([]);
  });
});
