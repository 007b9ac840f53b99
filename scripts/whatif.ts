// `npm run whatif -- --tenant ID --from DATE --to DATE --policy FILE`: replays the tenant's ledger over the window
// under the proposed policy (a JSON file: the settings to change, laid over the policy in force) on the running
// Baton, and prints baseline vs proposed as a table, then the whole report as one JSON line. Uses the ops API
// (BATON_URL; BATON_OPS_TOKEN, or the local token Baton writes to the data folder in development).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Table from 'cli-table3';
import { opsFetch } from './opsApiClient.ts';
import type { TenantWhatIf } from '../src/app/whatIf.ts';
import type { WhatIfSide } from '../src/domain/whatIf/whatIfReport.ts';

const USAGE = 'Usage: npm run whatif -- --tenant ID --from YYYY-MM-DD --to YYYY-MM-DD --policy FILE';
function options(): { tenant: string; from: string; to: string; policy: string } {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        tenant: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        policy: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, { cause: error });
  }
  const { tenant, from, to, policy } = values;
  const missing = Object.entries({ tenant, from, to, policy }).filter(([, v]) => !v);
  if (!tenant || !from || !to || !policy)
    throw new Error(`Missing ${missing.map(([k]) => `--${k}`).join(', ')}\n${USAGE}`);
  for (const [name, value] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    const date = /^\d{4}-\d\d-\d\d$/.test(value) ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
      throw new Error(`${name} ${value} is not a date: use YYYY-MM-DD`);
  }
  return { tenant, from, to, policy };
}

/** The policy file, read and parsed here first: a missing file or bad JSON is named before Baton is asked. */
function readPolicy(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    throw new Error(
      `Cannot read the policy file ${file}${code === 'ENOENT' ? ': no such file' : `: ${code}`}`,
      { cause: error },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `The policy file ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`The policy file ${file} must hold a JSON object with the settings to change`);
  return parsed as Record<string, unknown>;
}

async function call(path: string, body: unknown): Promise<unknown> {
  return (await opsFetch(path, { method: 'POST', body: JSON.stringify(body) })).json();
}

const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 1000) / 10} %`);
const flag = (over: boolean | null) => (over === null ? '–' : over ? 'yes' : 'no');

function table(report: TenantWhatIf): string {
  const t = new Table({ head: ['', 'in force', 'proposed'] });
  const line = (label: string, pick: (s: WhatIfSide) => string | number) =>
    t.push([label, String(pick(report.baseline)), String(pick(report.proposed))]);
  line('MQLs', (s) => s.mqls);
  line('refused by the MQL rule', (s) => s.droppedByMqlRule);
  line('would qualify, no MQL row', (s) => s.wouldQualifyUnseen);
  line('handed over', (s) => s.handedOver);
  line('SLA breaches', (s) => s.breaches);
  line('auto-recycles', (s) => s.autoRecycles);
  line('re-MQLs', (s) => s.reMqls);
  line('re-MQLs held by cooldown', (s) => s.reMqlsSuppressed);
  line('exhausted', (s) => s.exhausted);
  line('reject rate (target)', (s) => `${pct(s.rejectRate)} (${pct(s.rejectRateTarget)})`);
  line('over reject target', (s) => flag(s.overTarget));
  line('capacity per rep', (s) => s.capacity.perRep);
  line(
    'peak load (reps over)',
    (s) => `${s.capacity.peakLoad} (${s.capacity.repsOverCapacity}/${s.capacity.reps})`,
  );
  line('MQLs capacity allows', (s) => s.capacity.mqlsCapacityAllows ?? '–');
  line('MQLs over capacity', (s) => flag(s.capacity.mqlsOverCapacity));
  return t.toString();
}

async function main(): Promise<void> {
  const opts = options();
  const policy = readPolicy(opts.policy);
  const report = (await call('/ops/api/whatif', {
    tenantId: opts.tenant,
    from: opts.from,
    to: opts.to,
    policy,
  })) as TenantWhatIf;
  console.log(
    `What-if for ${report.tenantId}, ${opts.from} to ${opts.to}: ${report.leads} leads, ${report.rows} rows`,
  );
  console.log(table(report));
  console.log(`${report.changed.count} lead(s) would end differently.`);
  for (const lead of report.changed.leads.slice(0, 10))
    console.log(`  ${lead.leadId}: ${lead.baseline} → ${lead.proposed}`);
  console.log('What the replay cannot know:');
  for (const limit of report.limits) console.log(`  - ${limit}`);
  console.log(JSON.stringify(report));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
