// The demo's printout: per CRM, both sources side by side, what each number means, what the simulated people
// did and how that side of the run went; then the JSON line (last), one object per CRM.
import { formatLocal } from './businessTime.ts';
import {
  EXTRA_NAMES,
  METRIC_NAMES,
  type DemoMetrics,
  type Disagreement,
  type ExtraMetrics,
} from './demoMetrics.ts';
import type { Rep } from './simulationContext.ts';
import type { SimulationStats } from './simulationStats.ts';
import type { SteppedRun } from './steppedDriver.ts';
import { textTable } from './textTable.ts';

export interface CrmSection {
  /** "HubSpot portal 12345678" */
  title: string;
  /** What the CRM's own column is called: "portal", "org". */
  source: string;
  crm: DemoMetrics & ExtraMetrics;
  baton: DemoMetrics & ExtraMetrics;
  disagreements: readonly Disagreement[];
  /** Numbers only the CRM's side has (no Baton counterpart to compare): shown in the table, in the JSON too. */
  crmOnly?: Readonly<Record<string, number>>;
  /** What each number is (CRM / Baton). */
  definitions: Readonly<Record<string, string>>;
  /** What the simulated people did, a line each. */
  people: readonly string[];
  health: Readonly<Record<string, number | string>>;
}

export interface DemoReportInput {
  scenario: string;
  run: SteppedRun;
  startMs: number;
  endMs: number;
  realSeconds: number;
  /** How the run as a whole went (both CRMs). */
  health: Readonly<Record<string, number | string>>;
  sections: readonly CrmSection[];
}

const counts = (r: Readonly<Record<string, number>>) =>
  Object.entries(r)
    .map(([k, v]) => `${v} × ${k}`)
    .join(', ') || 'none';

const errors = (s: SimulationStats) =>
  s.errors.length > 0 ? [`ERRORS: ${s.errors.slice(0, 5).join(' | ')}`] : [];

/** Reps who work Lead records in the prospecting workspace, and what they did with them. */
function leadWorkspace(s: SimulationStats, reps: readonly Rep[]): string {
  const who = reps.filter((r) => r.workspace === 'leads').map((r) => `${r.name} (${r.profile.name})`);
  if (who.length === 0) return 'no rep works Lead records (the rest use Baton’s card)';
  const l = s.leadRecords;
  return `Lead records worked in the prospecting workspace by ${who.join(', ')}: ${l.created} created, ${l.disqualified} disqualified by reason: ${counts(l.reasons)}; reasons given later, after Baton held the lead: ${l.reasonsGivenLater}`;
}

/** What the people around the HubSpot portal did. */
export function portalPeople(s: SimulationStats, reps: readonly Rep[] = []): string[] {
  return [
    `contacts ${s.contactsCreated} (${s.existingContacts} already in the portal at install), touchpoints ${s.touchpoints}`,
    `workflow assignments ${s.assignments}, ops re-routes ${s.reroutes}`,
    `rep touches: ${s.touches.calls} calls, ${s.touches.emails} emails, ${s.touches.meetings} meetings; ${s.opportunities} opportunities, ${s.wins} won`,
    `returns sent ${s.returns.sent}, accepted ${s.returns.accepted}, refused: ${counts(s.returns.refused)}`,
    `double clicks ${s.doubleClicks.sent}, the two clicks got: ${counts(s.doubleClicks.answers)}`,
    leadWorkspace(s, reps),
    `marketing re-engaged ${s.reengaged} recycled leads; ${s.skipped} planned actions dropped (lead had moved on)`,
    ...errors(s),
  ];
}

/** What the people around the Salesforce org did. */
export function orgPeople(
  s: SimulationStats,
  territories: ReadonlyArray<{ territory: string; rep: { name: string; profile: { name: string } } }>,
): string[] {
  return [
    `leads ${s.contactsCreated} (${s.existingContacts} imported before install, the rest through web-to-lead), owned by the territory rule: ${territories.map((t) => `${t.territory} → ${t.rep.name} (${t.rep.profile.name})`).join(', ')}`,
    `hand-offs the reps picked up from Baton's SLA ${s.assignments}, ops re-routes ${s.reroutes}`,
    `rep touches: ${s.touches.calls} calls and ${s.touches.emails} emails (completed tasks), ${s.touches.meetings} meetings (events); ${s.opportunities} leads converted`,
    `returns saved through the quick action ${s.returns.sent}; ${s.skipped} planned actions dropped (lead had moved on)`,
    ...errors(s),
  ];
}

function section(s: CrmSection): string[] {
  const rows = [...METRIC_NAMES, ...EXTRA_NAMES].map((name) => [
    name,
    String(s.crm[name]),
    String(s.baton[name]),
    s.crm[name] === s.baton[name] ? 'same' : 'DIFFERENT',
  ]);
  const crmOnly = Object.entries(s.crmOnly ?? {}).map(([name, v]) => [
    name,
    String(v),
    '—',
    `${s.source} only`,
  ]);
  return [
    `── ${s.title} ──`,
    '',
    textTable(['number', s.source, 'Baton', ''], [...rows, ...crmOnly]),
    '',
    `What each number is (${s.source} / Baton):`,
    ...Object.entries(s.definitions).map(([k, v]) => `  ${k}: ${v}`),
    '',
    'What the simulated people did:',
    ...s.people.map((line) => `  ${line}`),
    '',
    'Run health:',
    ...Object.entries(s.health).map(([k, v]) => `  ${k}: ${v}`),
    '',
    s.disagreements.length === 0
      ? `The ${s.source} and Baton agree on every number.`
      : `DISAGREEMENT: ${s.disagreements.map((d) => `${d.metric} (${s.source} ${d.portal}, Baton ${d.baton})`).join('; ')}`,
  ];
}

export function demoReport(r: DemoReportInput): string {
  return [
    `Baton demo — scenario "${r.scenario}": ${formatLocal(r.startMs)} → ${formatLocal(r.endMs)} (${r.run.simulatedDays.toFixed(1)} simulated days, ${r.run.steps} steps) in ${r.realSeconds.toFixed(1)} s`,
    `  real time waiting for Baton to settle: ${r.run.settleSeconds.work.toFixed(1)} s after work, ${r.run.settleSeconds.timers.toFixed(1)} s after timers and assignments`,
    ...Object.entries(r.health).map(([k, v]) => `  ${k}: ${v}`),
    ...r.sections.flatMap((s) => ['', ...section(s)]),
  ].join('\n');
}

const only = (m: DemoMetrics) => Object.fromEntries(METRIC_NAMES.map((k) => [k, m[k]]));

/**
 * The JSON line: one object per CRM, with the CRM's own numbers (which agree with Baton's when the demo passes),
 * followed by the numbers only the CRM has (HubSpot's Lead record figures).
 */
export const demoJson = (
  byCrm: Readonly<Record<string, DemoMetrics>>,
  crmOnly: Readonly<Record<string, Readonly<Record<string, number>>>> = {},
): string =>
  JSON.stringify(
    Object.fromEntries(Object.entries(byCrm).map(([crm, m]) => [crm, { ...only(m), ...crmOnly[crm] }])),
  );
