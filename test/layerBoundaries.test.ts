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
    [
      'src/worker/x.ts',
      "import { HubSpotCrm } from '../crm/hubspot/hubspotCrm.ts';\nexport const x = HubSpotCrm;\n",
    ],
    ['src/crm/x.ts', "import { loadLead } from '../store/leads.ts';\nexport const x = loadLead;\n"],
    ['src/app/x.ts', "import { drainInbox } from '../worker/drainInbox.ts';\nexport const x = drainInbox;\n"],
    // The sandbox is not the product: nothing under src/ imports it, whatever the layer.
    [
      'src/main.ts',
      "import { startSandboxMode } from '../sandbox/mode/startSandboxMode.ts';\nexport const x = startSandboxMode;\n",
    ],
    [
      'src/web/x.ts',
      "import { createHubSpotSandbox } from '../../sandbox/hubspot/index.ts';\nexport const x = createHubSpotSandbox;\n",
    ],
    [
      'src/crm/hubspot/x.ts',
      "import { createHubSpotSandbox } from '../../../sandbox/hubspot/index.ts';\nexport const x = createHubSpotSandbox;\n",
    ],
    // The simulated CRMs reach Baton only over HTTP.
    [
      'sandbox/hubspot/x.ts',
      "import { loadLead } from '../../src/store/leads.ts';\nexport const x = loadLead;\n",
    ],
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

  it('product files stay under 300 lines and functions under 80 (blank lines and comments not counted)', async () => {
    const longFile = Array.from({ length: 301 }, (_, i) => `export const x${i} = ${i};`).join('\n') + '\n';
    expect(await violations('src/app/x.ts', longFile)).toContain('max-lines');
    const body = Array.from({ length: 81 }, (_, i) => `  const y${i} = ${i};`).join('\n');
    const longFunction = `export function f(): number {\n${body}\n  return y0;\n}\n`;
    expect(await violations('src/worker/x.ts', longFunction)).toContain('max-lines-per-function');
    expect(await violations('src/worker/x.test.ts', longFunction)).not.toContain('max-lines-per-function');
  });

  it('allows what the layering allows', async () => {
    expect(
      await violations(
        'src/worker/x.ts',
        "import { decide } from '../domain/decide/decide.ts';\nexport const x = decide;\n",
      ),
    ).toEqual([]);
    expect(await violations('src/domain/x.ts', 'export const x = new Date(0);\n')).toEqual([]);
    expect(
      await violations(
        'sandbox/mode/x.ts',
        "import { start } from '../../src/main.ts';\nexport const x = start;\n",
      ),
    ).toEqual([]);
  });
});
