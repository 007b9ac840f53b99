// SOQL tokens: identifiers (dotted for relationship paths), quoted strings with backslash escapes, numbers,
// date and datetime literals (2026-10-01, 2026-10-01T09:00:00Z), operators and punctuation. Keywords are
// identifiers; the parser compares them case-insensitively.
import { parseDateTime } from '../model/sfDates.ts';
import { soqlError } from './soqlError.ts';

export type Token =
  | { kind: 'ident'; text: string; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'number'; value: number; text: string; pos: number }
  | { kind: 'date'; value: string; pos: number }
  | { kind: 'datetime'; value: number; pos: number }
  | { kind: 'op'; text: string; pos: number }
  | { kind: 'eof'; pos: number };

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\dT])/;
const NUMBER = /^-?\d+(\.\d+)?/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/;
const OPS = ['!=', '<>', '<=', '>=', '=', '<', '>', '(', ')', ',', ':'];
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  "'": "'",
  '"': '"',
  '\\': '\\',
};

function readString(soql: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < soql.length) {
    const c = soql.charAt(i);
    if (c === "'") return { value, end: i + 1 };
    if (c === '\\') {
      const next = soql.charAt(i + 1);
      // LIKE's escaped wildcards keep their backslash so the pattern matcher can see them.
      value += next === '%' || next === '_' ? `\\${next}` : (ESCAPES[next] ?? next);
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  throw soqlError('MALFORMED_QUERY', soql, start, "mismatched character '<EOF>' expecting '''");
}

export function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < soql.length) {
    const c = soql.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = soql.slice(i);
    if (c === "'") {
      const { value, end } = readString(soql, i);
      tokens.push({ kind: 'string', value, pos: i });
      i = end;
      continue;
    }
    const dt = DATETIME.exec(rest);
    if (dt) {
      const value = parseDateTime(dt[0]);
      if (value === undefined) throw soqlError('MALFORMED_QUERY', soql, i, `invalid datetime: ${dt[0]}`);
      tokens.push({ kind: 'datetime', value, pos: i });
      i += dt[0].length;
      continue;
    }
    const d = DATE.exec(rest);
    if (d) {
      tokens.push({ kind: 'date', value: d[0], pos: i });
      i += d[0].length;
      continue;
    }
    const n = NUMBER.exec(rest);
    if (n && (c !== '-' || tokens.at(-1)?.kind === 'op')) {
      tokens.push({ kind: 'number', value: Number(n[0]), text: n[0], pos: i });
      i += n[0].length;
      continue;
    }
    const id = IDENT.exec(rest);
    if (id) {
      tokens.push({ kind: 'ident', text: id[0], pos: i });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => rest.startsWith(o));
    if (op) {
      tokens.push({ kind: 'op', text: op, pos: i });
      i += op.length;
      continue;
    }
    throw soqlError('MALFORMED_QUERY', soql, i, `unexpected token: '${c}'`);
  }
  tokens.push({ kind: 'eof', pos: soql.length });
  return tokens;
}
