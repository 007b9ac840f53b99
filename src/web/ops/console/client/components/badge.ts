// Status colours: one word in a coloured pill, the same tone for the same meaning on every page.
import { el } from '../dom.ts';
import { humanize } from '../format.ts';

export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'muted';

const TONE_OF: Readonly<Record<string, Tone>> = {
  ok: 'ok',
  met: 'ok',
  on_time: 'ok',
  connected: 'ok',
  processed: 'ok',
  done: 'ok',
  retrying: 'warn',
  due_soon: 'warn',
  pending: 'warn',
  running: 'info',
  refresh_failing: 'warn',
  warning: 'warn',
  error: 'bad',
  failed: 'bad',
  breached: 'bad',
  dead: 'bad',
  disconnected: 'bad',
  critical: 'bad',
  skipped: 'muted',
  ignored: 'muted',
  inbound: 'info',
  outbound: 'muted',
};

export const toneOf = (status: string): Tone => TONE_OF[status] ?? 'muted';

export const badge = (text: string, tone: Tone, title?: string): HTMLElement =>
  el('span', { class: `badge badge-${tone}`, title }, text);

/** A status code as a pill: "due_soon" → an amber "due soon". */
export const statusBadge = (status: string, label?: string): HTMLElement =>
  badge(label ?? humanize(status), toneOf(status));
