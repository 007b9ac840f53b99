// Field values across the API boundary: JSON in (coerced as Salesforce's deserializer does: numbers into text
// fields, numeric strings into numbers; anything else is a JSON_PARSER_ERROR for the whole request), typed
// values inside, REST and change-event forms out, and the per-value checks that fail one record.
import { isNumberType, isTextType, type FieldSpec, type FieldValue } from './fieldSpec.ts';
import {
  badRestrictedPicklist,
  invalidEmail,
  numberOutOfRange,
  stringTooLong,
  type RecordError,
} from './recordError.ts';
import { formatDateTime, formatIsoDateTime, parseDate, parseDateTime } from './sfDates.ts';

/** A value the deserializer cannot turn into the field's type: the whole request fails. */
export class InputTypeError extends Error {}

const SOAP_TYPE: Record<string, string> = {
  boolean: 'boolean',
  int: 'int',
  double: 'double',
  currency: 'double',
  percent: 'double',
  date: 'date',
  datetime: 'datetime',
};

function typeError(f: FieldSpec, raw: unknown): InputTypeError {
  const token =
    typeof raw === 'string' ? 'VALUE_STRING' : typeof raw === 'number' ? 'VALUE_NUMBER_INT' : 'START_OBJECT';
  return new InputTypeError(
    `Cannot deserialize instance of ${SOAP_TYPE[f.type] ?? 'string'} from ${token} value ${
      typeof raw === 'string' ? raw : JSON.stringify(raw)
    } or request may be missing a required field`,
  );
}

export function coerceInput(f: FieldSpec, raw: unknown): FieldValue {
  if (raw === null) return null;
  if (isTextType(f.type)) {
    if (typeof raw === 'string') return raw === '' ? null : raw;
    if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
    throw typeError(f, raw);
  }
  if (f.type === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    if (typeof raw === 'string' && /^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
    throw typeError(f, raw);
  }
  if (isNumberType(f.type)) {
    const n =
      typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(n) || (f.type === 'int' && !Number.isInteger(n))) throw typeError(f, raw);
    return n;
  }
  if (typeof raw !== 'string') throw typeError(f, raw);
  if (raw === '') return null;
  const parsed = f.type === 'date' ? parseDate(raw) : parseDateTime(raw);
  if (parsed === undefined) throw typeError(f, raw);
  return parsed;
}

/** The REST form of a stored value. */
export const restValue = (f: FieldSpec, v: FieldValue): FieldValue =>
  f.type === 'datetime' && typeof v === 'number' ? formatDateTime(v) : v;

/** The change-event form of a stored value. */
export const eventValue = (f: FieldSpec, v: FieldValue): FieldValue =>
  f.type === 'datetime' && typeof v === 'number' ? formatIsoDateTime(v) : v;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks a coerced value against the field's limits. */
export function checkValue(f: FieldSpec, v: FieldValue): RecordError | undefined {
  if (v === null) return undefined;
  if (typeof v === 'string') {
    if (f.length !== undefined && v.length > f.length) return stringTooLong(f.label, f.name, v, f.length);
    if (f.type === 'email' && !EMAIL.test(v)) return invalidEmail(f.label, f.name, v);
    if (f.picklist?.restricted && !f.picklist.values.some((p) => p.value === v)) {
      return badRestrictedPicklist(f.label, f.name, v);
    }
  }
  if (typeof v === 'number' && isNumberType(f.type) && f.precision !== undefined) {
    const integerDigits = f.precision - (f.scale ?? 0);
    if (Math.abs(v) >= 10 ** integerDigits) return numberOutOfRange(f.label, f.name, v);
  }
  return undefined;
}
