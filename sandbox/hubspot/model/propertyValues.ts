// Turns a value a client sent into the string HubSpot stores and returns, or says why it is invalid
// (with HubSpot's validation error codes). Datetimes are accepted as ISO strings or epoch milliseconds and
// returned as ISO; dates as YYYY-MM-DD or midnight-UTC milliseconds; numbers and booleans come back as
// strings. "" (or null) clears a value.
import type { PropertyProblem } from '../hubspotErrors.ts';
import type { PropertyDefinition } from './propertyDefinition.ts';

export type RawValue = string | number | boolean | null;
export type Normalized = { ok: true; value: string } | { ok: false; problem: PropertyProblem };

export interface ValueContext {
  isOwner(id: string): boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Milliseconds from an ISO date-time or an epoch-ms string, or undefined if neither. */
export function parseTimestamp(text: string): number | undefined {
  const t = text.trim();
  if (/^-?\d{1,15}$/.test(t)) return Number(t);
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

export function normalizeValue(def: PropertyDefinition, raw: RawValue, ctx: ValueContext): Normalized {
  const text = raw === null ? '' : String(raw);
  if (text === '') return { ok: true, value: '' };
  const bad = (error: string, message: string): Normalized => ({
    ok: false,
    problem: { name: def.name, error, message },
  });
  switch (def.type) {
    case 'number': {
      const n = Number(text.trim());
      return text.trim() !== '' && Number.isFinite(n)
        ? { ok: true, value: String(n) }
        : bad('INVALID_FLOAT', `${text} was not a valid number.`);
    }
    case 'bool': {
      const b = text.trim().toLowerCase();
      return b === 'true' || b === 'false'
        ? { ok: true, value: b }
        : bad('INVALID_BOOLEAN', `${text} was not a valid boolean.`);
    }
    case 'datetime': {
      const ms = parseTimestamp(text);
      return ms === undefined
        ? bad('INVALID_LONG', `${text} was not a valid long.`)
        : { ok: true, value: new Date(ms).toISOString() };
    }
    case 'date': {
      const ms = parseTimestamp(text);
      if (ms === undefined) return bad('INVALID_DATE', `${text} was not a valid date.`);
      if (ms % 86_400_000 !== 0) {
        return bad(
          'INVALID_DATE',
          `${text} is at ${new Date(ms).toISOString().slice(11, 19)} UTC, not midnight!`,
        );
      }
      return { ok: true, value: new Date(ms).toISOString().slice(0, 10) };
    }
    case 'enumeration':
      return normalizeOption(def, text, ctx, bad);
    case 'string':
      if (def.name === 'email' && !EMAIL.test(text.trim())) {
        return bad('INVALID_EMAIL', `Email address ${text} is invalid`);
      }
      return { ok: true, value: def.name === 'email' ? text.trim().toLowerCase() : text };
  }
}

function normalizeOption(
  def: PropertyDefinition,
  text: string,
  ctx: ValueContext,
  bad: (error: string, message: string) => Normalized,
): Normalized {
  if (def.referencedObjectType === 'OWNER') {
    return ctx.isOwner(text.trim())
      ? { ok: true, value: text.trim() }
      : bad('INVALID_OWNER_ID', `${text} is not a valid owner id`);
  }
  // Checkbox enumerations hold several values separated by ";".
  const values = def.fieldType === 'checkbox' ? text.split(';').filter(Boolean) : [text];
  const allowed = def.options.map((o) => o.value);
  const wrong = values.find((v) => !allowed.includes(v));
  if (wrong !== undefined) {
    return bad(
      'INVALID_OPTION',
      `${JSON.stringify(wrong)} was not one of the allowed options: [${allowed.join(', ')}]`,
    );
  }
  return { ok: true, value: values.join(';') };
}
