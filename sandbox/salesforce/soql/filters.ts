// WHERE conditions compiled against the object's fields: literals are checked against the field type the way
// SOQL checks them (quotes for text and ids, none for numbers, booleans and dates), text compares
// case-insensitively, ids in either length, date literals as day ranges, and null as SOQL treats it
// (Field != 'x' matches a null Field; Field < x never does).
import type { FieldSpec, FieldValue } from '../model/fieldSpec.ts';
import { isNumberType, isTextType } from '../model/fieldSpec.ts';
import { canonicalId } from '../model/ids.ts';
import type { SchemaRegistry } from '../model/objectSchema.ts';
import type { Values } from '../state/recordStore.ts';
import type { CompareOp, Condition, FieldRef, Literal } from './ast.ts';
import { dateLiteralRange } from './dateLiterals.ts';
import { soqlError } from './soqlError.ts';

export interface FilterScope {
  soql: string;
  object: string;
  schemas: SchemaRegistry;
  now: number;
  timeZone: string;
}

export type Predicate = (row: Values) => boolean;

type Scalar = string | number | boolean;
type Operand =
  { kind: 'null' } | { kind: 'scalar'; value: Scalar } | { kind: 'range'; lo: Scalar; hi: Scalar };

const isId = (f: FieldSpec): boolean => f.type === 'id' || f.type === 'reference';

export function resolveField(scope: FilterScope, ref: FieldRef): FieldSpec {
  const f = scope.schemas.field(scope.object, ref.name);
  if (f) return f;
  throw soqlError(
    'INVALID_FIELD',
    scope.soql,
    ref.pos,
    `No such column '${ref.name}' on entity '${scope.object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

function typeMismatch(scope: FilterScope, f: FieldSpec, lit: Literal): never {
  const [type, quoted] = isTextType(f.type)
    ? ['string', true]
    : f.type === 'boolean'
      ? ['boolean', false]
      : isNumberType(f.type)
        ? ['double', false]
        : f.type === 'date'
          ? ['date', false]
          : ['dateTime', false];
  throw soqlError(
    'INVALID_FIELD',
    scope.soql,
    lit.pos,
    `value of filter criterion for field '${f.name}' must be of type ${type} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
  );
}

/** Comparable form of a stored value: text lower-cased, ids canonical. */
export function comparable(f: FieldSpec, v: FieldValue): FieldValue {
  if (typeof v !== 'string' || isId(f)) return v;
  return isTextType(f.type) ? v.toLowerCase() : v;
}

function operand(scope: FilterScope, f: FieldSpec, lit: Literal): Operand {
  if (lit.kind === 'null') return { kind: 'null' };
  if (isId(f)) {
    if (lit.kind !== 'string') typeMismatch(scope, f, lit);
    const id = canonicalId(lit.value);
    if (!id)
      throw soqlError('INVALID_QUERY_FILTER_OPERATOR', scope.soql, lit.pos, `invalid ID field: ${lit.value}`);
    return { kind: 'scalar', value: id };
  }
  if (isTextType(f.type)) {
    if (lit.kind !== 'string') typeMismatch(scope, f, lit);
    return { kind: 'scalar', value: lit.value.toLowerCase() };
  }
  if (f.type === 'boolean') {
    if (lit.kind !== 'boolean') typeMismatch(scope, f, lit);
    return { kind: 'scalar', value: lit.value };
  }
  if (isNumberType(f.type)) {
    if (lit.kind !== 'number') typeMismatch(scope, f, lit);
    return { kind: 'scalar', value: lit.value };
  }
  if (lit.kind === 'dateLiteral') {
    const r = dateLiteralRange(lit.name, lit.n, scope.now, scope.timeZone);
    return f.type === 'date'
      ? { kind: 'range', lo: r.firstDay, hi: r.lastDay }
      : { kind: 'range', lo: r.startMs, hi: r.endMs };
  }
  if (f.type === 'date' && lit.kind === 'date') return { kind: 'scalar', value: lit.value };
  if (f.type === 'datetime' && lit.kind === 'datetime') return { kind: 'scalar', value: lit.value };
  return typeMismatch(scope, f, lit);
}

function compareWith(f: FieldSpec, op: CompareOp, o: Operand): (v: FieldValue) => boolean {
  if (o.kind === 'null') return (v) => (op === '=' ? v === null : op === '!=' ? v !== null : false);
  if (o.kind === 'range') {
    // Date fields hold days (inclusive range); datetimes hold instants ([lo, hi)).
    const inclusive = f.type === 'date';
    const below = (v: Scalar): boolean => v < o.lo;
    const above = (v: Scalar): boolean => (inclusive ? v > o.hi : v >= o.hi);
    return (v) => {
      if (v === null) return op === '!=';
      switch (op) {
        case '=':
          return !below(v) && !above(v);
        case '!=':
          return below(v) || above(v);
        case '<':
          return below(v);
        case '<=':
          return !above(v);
        case '>':
          return above(v);
        case '>=':
          return !below(v);
      }
    };
  }
  const x = o.value;
  return (v) => {
    if (v === null) return op === '!=';
    switch (op) {
      case '=':
        return v === x;
      case '!=':
        return v !== x;
      case '<':
        return v < x;
      case '<=':
        return v <= x;
      case '>':
        return v > x;
      case '>=':
        return v >= x;
    }
  };
}

function likeMatcher(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '\\' && i + 1 < pattern.length) {
      source += pattern.charAt(++i).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (c === '%') source += '.*';
    else if (c === '_') source += '.';
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

export function compileCondition(scope: FilterScope, c: Condition): Predicate {
  switch (c.kind) {
    case 'and': {
      const items = c.items.map((i) => compileCondition(scope, i));
      return (row) => items.every((p) => p(row));
    }
    case 'or': {
      const items = c.items.map((i) => compileCondition(scope, i));
      return (row) => items.some((p) => p(row));
    }
    case 'not': {
      const item = compileCondition(scope, c.item);
      return (row) => !item(row);
    }
    case 'compare': {
      const f = resolveField(scope, c.field);
      const test = compareWith(f, c.op, operand(scope, f, c.value));
      return (row) => test(comparable(f, row[f.name] ?? null));
    }
    case 'in': {
      const f = resolveField(scope, c.field);
      const wanted = new Set<FieldValue>(
        c.values.map((lit) => {
          const o = operand(scope, f, lit);
          if (o.kind === 'range') typeMismatch(scope, f, lit);
          return o.kind === 'null' ? null : o.value;
        }),
      );
      return (row) => wanted.has(comparable(f, row[f.name] ?? null)) !== c.negated;
    }
    case 'like': {
      const f = resolveField(scope, c.field);
      if (!isTextType(f.type) || isId(f)) {
        throw soqlError('INVALID_FIELD', scope.soql, c.pos, `invalid operator on ${f.type} field: LIKE`);
      }
      const re = likeMatcher(c.pattern);
      return (row) => {
        const v = row[f.name];
        return typeof v === 'string' && re.test(v);
      };
    }
  }
}
