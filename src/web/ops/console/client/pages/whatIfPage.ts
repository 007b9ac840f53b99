// What-if: a past window of the tenant's ledger replayed under the policy in force and under a proposed one
// (POST /ops/api/whatif), before an admin saves it. The proposal is JSON laid over the tenant's policy; the
// window, proposal and figures stay in the address so a result can be shared and reproduced.
import type { WhatIfResponse } from '../apiTypes.ts';
import { callout } from '../components/callout.ts';
import { card, empty } from '../components/card.ts';
import { el, queryParams, replace, setQueryParams } from '../dom.ts';
import { chooseTenant } from '../tenantContext.ts';
import { inWords } from '../whatIf/problemWords.ts';
import { policyEditor, type PolicyEditor } from '../whatIf/policyEditor.ts';
import { EXAMPLE, formatDraft, readDraft, type Proposal } from '../whatIf/policyDraft.ts';
import { windowControls, type WindowControls } from '../whatIf/windowControls.ts';
import { whatIfResults } from '../whatIf/whatIfResults.ts';
import { runWhatIf, type Problem, type WhatIfOutcome } from '../whatIf/whatIfRequest.ts';
import { apiWindow, isWindow, last90Days } from '../whatIf/whatIfWindow.ts';

const POLICY = 'policy.';
const FIELD_WORDS: Readonly<Record<string, string>> = { from: 'From', to: 'To', tenantId: 'Tenant' };

/** The proposal in the address, pretty-printed; the example when there is none (or it does not parse). */
function initialDraft(text: string | undefined): string {
  const r = text === undefined ? null : readDraft(text);
  return formatDraft(r?.ok ? r.proposal : EXAMPLE);
}

const problemList = (problems: readonly Problem[]): HTMLElement | null =>
  problems.length === 0
    ? null
    : el(
        'ul',
        {},
        ...problems.map((p) => el('li', {}, `${FIELD_WORDS[p.field] ?? p.field}: ${inWords(p.message)}`)),
      );

/** Why the run gave no report: policy problems sit beside the editor, anything else (window, tenant) here. */
function failed(outcome: Extract<WhatIfOutcome, { ok: false }>, editor: PolicyEditor): HTMLElement {
  const policy = outcome.problems.filter((p) => p.field.startsWith(POLICY));
  const other = outcome.problems.filter((p) => !p.field.startsWith(POLICY));
  if (policy.length > 0)
    editor.showProblems(policy.map((p) => ({ ...p, field: p.field.slice(POLICY.length) })));
  if (policy.length > 0 && other.length === 0)
    return callout(
      'bad',
      'The proposal was not run',
      el('p', {}, 'Fix the problems shown beside the editor.'),
    );
  return callout('bad', 'The what-if could not run', el('p', {}, outcome.message), problemList(other));
}

interface Form {
  window: WindowControls;
  editor: PolicyEditor;
  button: HTMLButtonElement;
  status: HTMLElement;
  results: HTMLElement;
}

function setRunning(f: Form, running: boolean): void {
  f.button.disabled = running;
  f.button.textContent = running ? 'Running…' : 'Run what-if';
  f.results.setAttribute('aria-busy', String(running));
  if (running) f.results.dataset['state'] = 'running';
  f.status.textContent = running ? 'Replaying the window under both policies…' : '';
}

async function run(f: Form, tenantId: string): Promise<void> {
  f.editor.clearProblems();
  const proposal: Proposal | null = f.editor.read();
  if (!proposal) {
    f.status.textContent = 'Fix the JSON first: nothing was sent.';
    return;
  }
  const dates = f.window.value();
  if (!isWindow(dates)) {
    f.status.textContent = 'Choose both dates of the window.';
    return;
  }
  const compact = JSON.stringify(proposal);
  setRunning(f, true);
  let outcome: WhatIfOutcome;
  try {
    outcome = await runWhatIf({ tenantId, ...apiWindow(dates), policy: proposal });
  } catch (error) {
    outcome = {
      ok: false,
      status: 0,
      message: error instanceof Error ? error.message : String(error),
      problems: [],
    };
  }
  setRunning(f, false);
  if (outcome.ok) {
    const report: WhatIfResponse = outcome.report;
    replace(f.results, whatIfResults(report, compact));
    f.results.dataset['state'] = 'done';
    f.results.dataset['ran'] = `${dates.from}|${dates.to}|${compact}`;
    setQueryParams({ from: dates.from, to: dates.to, policy: compact });
  } else {
    replace(f.results, failed(outcome, f.editor));
    f.results.dataset['state'] = 'error';
  }
}

/** Says so when the window or proposal changed since the figures shown were computed. */
function staleNote(f: Form, note: HTMLElement): void {
  const ran = f.results.dataset['ran'];
  const r = readDraft(f.editor.text());
  const { from, to } = f.window.value();
  const now = r.ok ? `${from}|${to}|${JSON.stringify(r.proposal)}` : null;
  note.hidden = f.results.dataset['state'] !== 'done' || ran === now;
}

export async function render(root: HTMLElement): Promise<void> {
  const { tenantId } = await chooseTenant({ allowAll: false });
  if (!tenantId) {
    replace(root, empty('No CRM is connected yet: a what-if replays a tenant’s ledger.'));
    return;
  }
  const q = queryParams();
  const dates = { from: q['from'], to: q['to'] };
  const note = el(
    'p',
    { class: 'callout callout-warn wi-stale', hidden: true, 'data-testid': 'what-if-stale' },
    'The window or the proposal changed since these figures: run the what-if again to see their effect.',
  );
  const onChange = () => staleNote(f, note);
  const f: Form = {
    window: windowControls(isWindow(dates) ? dates : last90Days(), onChange),
    editor: policyEditor(initialDraft(q['policy']), onChange),
    button: el('button', { type: 'submit', class: 'btn btn-primary' }, 'Run what-if'),
    status: el('span', { class: 'hint', role: 'status', 'data-testid': 'what-if-status' }),
    results: el(
      'div',
      { 'data-testid': 'what-if-results', 'data-state': 'idle' },
      empty('Choose the window and the proposal, then run the what-if.'),
    ),
  };
  const form = el(
    'form',
    // novalidate: the server judges the values and names each field; the browser's own checks would block silently.
    { class: 'wi-form', 'aria-label': 'What-if', novalidate: true },
    card(
      'Window and proposal',
      { hint: 'Nothing is saved: the tenant’s policy stays as it is.', wide: true },
      f.window.element,
      f.editor.element,
      el('div', { class: 'wi-run' }, f.button, f.status),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(f, tenantId).then(onChange);
  });
  replace(root, form, note, f.results);
  // A shared link (window and proposal in the address) shows its figures at once.
  if (q['policy'] !== undefined && isWindow(dates)) await run(f, tenantId);
}
