// The proposal editor: JSON text (the source of truth) beside fields for the common settings that write into it,
// and the problems — the browser's JSON error, or the server's field by field — right under the text.
import { el, replace } from '../dom.ts';
import {
  formatDraft,
  KNOBS,
  knobText,
  knobValue,
  readDraft,
  withValue,
  type Knob,
  type Proposal,
} from './policyDraft.ts';
import { inWords } from './problemWords.ts';
import type { Problem } from './whatIfRequest.ts';

export interface PolicyEditor {
  element: HTMLElement;
  text: () => string;
  /** The proposal, or null after showing beside the editor why the text is not one. */
  read: () => Proposal | null;
  /** The server's problems with the proposal, their fields without the "policy." prefix. */
  showProblems: (problems: readonly Problem[]) => void;
  clearProblems: () => void;
}

const knobId = (knob: Knob): string => `knob-${knob.path.replaceAll('.', '-')}`;

const fieldName = (path: string): string => {
  const knob = KNOBS.find((k) => k.path === path);
  return knob ? `${knob.label} (${path})` : path;
};

function knobField(knob: Knob, onInput: (knob: Knob, input: HTMLInputElement) => void): HTMLLabelElement {
  const input = el('input', {
    type: 'number',
    name: knob.path,
    step: knob.step,
    placeholder: 'as in force',
    'aria-describedby': knobId(knob),
  });
  input.addEventListener('input', () => onInput(knob, input));
  return el(
    'label',
    { class: 'wi-knob' },
    el('span', {}, knob.label, knob.unit ? el('span', { class: 'wi-unit' }, ` (${knob.unit})`) : null),
    input,
    el(
      'span',
      { class: 'wi-sub', id: knobId(knob) },
      `Baton’s default: ${knob.usual}${knob.unit === '%' ? ' %' : ''}`,
    ),
  );
}

interface ProblemsBox {
  element: HTMLElement;
  show: (title: string, items: readonly string[]) => void;
  clear: () => void;
}

/** Right under the text: a list of what is wrong, and the text (and any named field) marked invalid. */
function problemsBox(
  textarea: HTMLTextAreaElement,
  inputs: ReadonlyMap<string, HTMLInputElement>,
): ProblemsBox {
  const element = el('div', {
    id: 'what-if-problems',
    class: 'wi-problems',
    'data-testid': 'what-if-problems',
  });
  return {
    element,
    show: (title, items) => {
      textarea.setAttribute('aria-invalid', 'true');
      replace(
        element,
        el(
          'div',
          { class: 'callout callout-bad', role: 'alert' },
          el('strong', {}, title),
          el('ul', {}, ...items.map((i) => el('li', {}, i))),
        ),
      );
    },
    clear: () => {
      textarea.removeAttribute('aria-invalid');
      for (const input of inputs.values()) input.removeAttribute('aria-invalid');
      replace(element);
    },
  };
}

function layout(
  textarea: HTMLTextAreaElement,
  problems: HTMLElement,
  knobs: readonly HTMLElement[],
): HTMLElement {
  return el(
    'div',
    { class: 'wi-editor' },
    el(
      'div',
      { class: 'wi-json' },
      el('span', { class: 'wi-label' }, 'Proposed changes (JSON)'),
      el(
        'p',
        { class: 'hint' },
        'Laid over the tenant’s policy: objects merge key by key, lists and the routing block are replaced whole. Leave out what stays as in force.',
      ),
      textarea,
      problems,
    ),
    el(
      'fieldset',
      { class: 'wi-knobs' },
      el('legend', {}, 'Common settings'),
      el('p', { class: 'hint' }, 'Each writes into the JSON; blank leaves the setting as in force.'),
      ...knobs,
    ),
  );
}

export function policyEditor(initial: string, onChange: () => void): PolicyEditor {
  const textarea = el('textarea', {
    name: 'policy',
    rows: 8,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-label': 'Proposed changes (JSON)',
    'aria-describedby': 'what-if-problems',
  });
  textarea.value = initial;
  const inputs = new Map<string, HTMLInputElement>();
  const problems = problemsBox(textarea, inputs);

  const read = (): Proposal | null => {
    const r = readDraft(textarea.value);
    if (r.ok) return r.proposal;
    problems.show('The proposal is not valid JSON: nothing was sent.', [r.message]);
    return null;
  };
  /** The fields follow the text whenever it parses. */
  const syncKnobs = () => {
    const r = readDraft(textarea.value);
    if (!r.ok) return;
    for (const knob of KNOBS) {
      const input = inputs.get(knob.path);
      if (input && document.activeElement !== input) input.value = knobText(knob, r.proposal);
    }
  };
  const onKnob = (knob: Knob, input: HTMLInputElement) => {
    problems.clear();
    const proposal = read();
    if (!proposal) return;
    textarea.value = formatDraft(withValue(proposal, knob.path, knobValue(knob, input.value)));
    onChange();
  };
  const knobs = KNOBS.map((k) => {
    const label = knobField(k, onKnob);
    const input = label.querySelector('input');
    if (input) inputs.set(k.path, input);
    return label;
  });
  textarea.addEventListener('input', () => {
    problems.clear();
    syncKnobs();
    onChange();
  });
  syncKnobs();

  const showProblems = (list: readonly Problem[]) => {
    problems.clear();
    for (const p of list) inputs.get(p.field)?.setAttribute('aria-invalid', 'true');
    problems.show(
      list.length === 1 ? 'The proposed policy has a problem:' : 'The proposed policy has problems:',
      list.map((p) => `${fieldName(p.field)}: ${inWords(p.message)}`),
    );
  };
  return {
    element: layout(textarea, problems.element, knobs),
    text: () => textarea.value,
    read,
    showProblems,
    clearProblems: problems.clear,
  };
}
