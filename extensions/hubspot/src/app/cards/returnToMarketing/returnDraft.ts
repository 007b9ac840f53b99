// What the rep has entered, the rules the card checks before sending (Baton checks them again), and the body.
import type { BaseDate } from '@hubspot/ui-extensions';
import type { ReturnRequestBody } from '@baton/card-api';
import type { ReasonChoice } from './reasonChoices.ts';

export interface ReturnDraft {
  reason: string;
  note: string;
  reengageOn: BaseDate | null;
}

export const EMPTY_DRAFT: ReturnDraft = { reason: '', note: '', reengageOn: null };

/** The fields of a return, named as Baton names them in its problems. */
export type ReturnField = 'reason' | 'note' | 'reengageAt';
export type FieldErrors = Partial<Record<ReturnField, string>>;
export const RETURN_FIELDS: readonly ReturnField[] = ['reason', 'note', 'reengageAt'];

export function checkDraft(draft: ReturnDraft, choice: ReasonChoice | undefined): FieldErrors {
  if (!choice) return { reason: 'Pick why this lead goes back to marketing.' };
  if (choice.noteRequired && !draft.note.trim()) {
    return { note: `A note is required for “${choice.label}”: tell marketing what to fix or look for.` };
  }
  return {};
}

const pad = (n: number) => String(n).padStart(2, '0');

/** DateInput months start at 0; Baton wants YYYY-MM-DD. */
export function isoDateOf(d: BaseDate): string {
  return `${d.year}-${pad(d.month + 1)}-${pad(d.date)}`;
}

/** Baton reads the date as the start of that day (UTC) and needs it in the future: tomorrow is the first. */
export function tomorrowOf(now: Date): BaseDate {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth(), date: next.getUTCDate() };
}

export function formatReengageDate(d: BaseDate): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(d.year, d.month, d.date)),
  );
}

export function returnBodyOf(draft: ReturnDraft, choice: ReasonChoice, requestId: string): ReturnRequestBody {
  const note = draft.note.trim();
  return {
    reason: choice.code,
    ...(note && { note }),
    ...(choice.reengageDateAllowed && draft.reengageOn && { reengageAt: isoDateOf(draft.reengageOn) }),
    requestId,
  };
}
