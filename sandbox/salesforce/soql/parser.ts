// A small recursive-descent parser for the SOQL subset (see SUPPORTED_SOQL). It refuses what it does not
// implement with a MALFORMED_QUERY that says so, rather than answering something else, and it keeps SOQL's
// own rules: AND and OR cannot be mixed without parentheses; NOT goes before a condition.
import type { CompareOp, Condition, FieldRef, Literal, OrderItem, SoqlQuery } from './ast.ts';
import { tokenize, type Token } from './lexer.ts';
import { soqlError, unsupported } from './soqlError.ts';

const UNSUPPORTED_CLAUSES: Record<string, string> = {
  GROUP: 'GROUP BY',
  HAVING: 'HAVING',
  WITH: 'WITH',
  FOR: 'FOR VIEW/REFERENCE/UPDATE',
  USING: 'USING SCOPE',
  TYPEOF: 'TYPEOF',
  INCLUDES: 'INCLUDES',
  EXCLUDES: 'EXCLUDES',
};
const AGGREGATES = new Set([
  'SUM',
  'AVG',
  'MIN',
  'MAX',
  'COUNT_DISTINCT',
  'CALENDAR_YEAR',
  'DAY_ONLY',
  'FORMAT',
  'TOLABEL',
  'CONVERTCURRENCY',
  'FIELDS',
]);
const DATE_LITERALS = new Set(['TODAY', 'YESTERDAY', 'TOMORROW']);
const N_DATE_LITERALS = new Set(['LAST_N_DAYS', 'NEXT_N_DAYS']);
const COMPARE_OPS = new Set(['=', '!=', '<>', '<', '>', '<=', '>=']);

class Parser {
  private readonly soql: string;
  private readonly tokens: Token[];
  private i = 0;

  constructor(soql: string) {
    this.soql = soql;
    this.tokens = tokenize(soql);
  }

  private peek(offset = 0): Token {
    return (
      this.tokens[Math.min(this.i + offset, this.tokens.length - 1)] ?? { kind: 'eof', pos: this.soql.length }
    );
  }

  private next(): Token {
    const t = this.peek();
    this.i++;
    return t;
  }

  private isKeyword(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'ident' && t.text.toUpperCase() === word;
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === text;
  }

  private unexpected(t: Token = this.peek()): never {
    const text =
      t.kind === 'eof'
        ? '<EOF>'
        : t.kind === 'ident' || t.kind === 'op'
          ? t.text
          : t.kind === 'string'
            ? `'${t.value}'`
            : t.kind === 'number'
              ? t.text
              : this.soql.slice(t.pos).split(/\s/)[0];
    throw soqlError('MALFORMED_QUERY', this.soql, t.pos, `unexpected token: '${text}'`);
  }

  private expectKeyword(word: string): void {
    if (!this.isKeyword(word)) this.unexpected();
    this.i++;
  }

  private expectOp(text: string): void {
    if (!this.isOp(text)) this.unexpected();
    this.i++;
  }

  private refuseClause(): void {
    const t = this.peek();
    if (t.kind !== 'ident') return;
    const clause = UNSUPPORTED_CLAUSES[t.text.toUpperCase()];
    if (clause) throw unsupported(this.soql, t.pos, clause);
  }

  private fieldRef(): FieldRef {
    const t = this.next();
    if (t.kind !== 'ident') this.unexpected(t);
    if (t.text.includes('.')) throw unsupported(this.soql, t.pos, `The relationship field ${t.text}`);
    return { name: t.text, pos: t.pos };
  }

  parse(): SoqlQuery {
    this.expectKeyword('SELECT');
    const select = this.selectList();
    this.expectKeyword('FROM');
    const fromToken = this.next();
    if (fromToken.kind !== 'ident') this.unexpected(fromToken);
    if (this.isOp(',')) throw unsupported(this.soql, this.peek().pos, 'Selecting from several objects');
    const query: SoqlQuery = { select, from: { name: fromToken.text, pos: fromToken.pos }, orderBy: [] };
    this.refuseClause();
    if (this.isKeyword('WHERE')) {
      this.i++;
      query.where = this.condition();
    }
    this.refuseClause();
    if (this.isKeyword('ORDER')) {
      this.i++;
      this.expectKeyword('BY');
      query.orderBy = this.orderList();
    }
    this.refuseClause();
    if (this.isKeyword('LIMIT')) {
      this.i++;
      query.limit = this.integer();
    }
    if (this.isKeyword('OFFSET')) {
      this.i++;
      query.offset = this.integer();
    }
    this.refuseClause();
    if (this.peek().kind !== 'eof') this.unexpected();
    return query;
  }

  private selectList(): SoqlQuery['select'] {
    if (this.isKeyword('COUNT') && this.peek(1).kind === 'op') {
      const at = this.next();
      this.expectOp('(');
      if (!this.isOp(')')) throw unsupported(this.soql, at.pos, 'COUNT(field) and other aggregate functions');
      this.i++;
      return { kind: 'count' };
    }
    const fields: FieldRef[] = [];
    do {
      if (fields.length > 0) this.i++;
      const t = this.peek();
      if (t.kind === 'op' && t.text === '(') throw unsupported(this.soql, t.pos, 'A subquery');
      if (
        t.kind === 'ident' &&
        this.peek(1).kind === 'op' &&
        (this.peek(1) as { text: string }).text === '('
      ) {
        const name = t.text.toUpperCase();
        throw unsupported(
          this.soql,
          t.pos,
          AGGREGATES.has(name) || name === 'COUNT' ? `The function ${t.text}()` : `${t.text}()`,
        );
      }
      fields.push(this.fieldRef());
    } while (this.isOp(','));
    return { kind: 'fields', fields };
  }

  private integer(): number {
    const t = this.next();
    if (t.kind !== 'number' || !Number.isInteger(t.value) || t.value < 0) this.unexpected(t);
    return t.value;
  }

  private orderList(): OrderItem[] {
    const items: OrderItem[] = [];
    do {
      if (items.length > 0) this.i++;
      const field = this.fieldRef();
      let descending = false;
      if (this.isKeyword('ASC')) this.i++;
      else if (this.isKeyword('DESC')) {
        this.i++;
        descending = true;
      }
      // Salesforce's default: nulls first ascending, last descending.
      let nullsLast = descending;
      if (this.isKeyword('NULLS')) {
        this.i++;
        if (this.isKeyword('FIRST')) nullsLast = false;
        else if (this.isKeyword('LAST')) nullsLast = true;
        else this.unexpected();
        this.i++;
      }
      items.push({ field, descending, nullsLast });
    } while (this.isOp(','));
    return items;
  }

  /** conditions joined by one kind of operator; mixing AND and OR needs parentheses. */
  private condition(): Condition {
    const first = this.unary();
    const items = [first];
    let joiner: 'AND' | 'OR' | undefined;
    while (this.isKeyword('AND') || this.isKeyword('OR')) {
      const t = this.peek();
      const word = (t as { text: string }).text.toUpperCase() as 'AND' | 'OR';
      if (joiner !== undefined && word !== joiner) this.unexpected(t);
      joiner = word;
      this.i++;
      items.push(this.unary());
    }
    return joiner === undefined ? first : { kind: joiner === 'AND' ? 'and' : 'or', items };
  }

  private unary(): Condition {
    if (this.isKeyword('NOT')) {
      this.i++;
      return { kind: 'not', item: this.unary() };
    }
    if (this.isOp('(')) {
      this.i++;
      if (this.isKeyword('SELECT')) throw unsupported(this.soql, this.peek().pos, 'A subquery');
      const inner = this.condition();
      this.expectOp(')');
      return inner;
    }
    return this.comparison();
  }

  private comparison(): Condition {
    const field = this.fieldRef();
    const t = this.peek();
    if (t.kind === 'op' && COMPARE_OPS.has(t.text)) {
      this.i++;
      const op = (t.text === '<>' ? '!=' : t.text) as CompareOp;
      return { kind: 'compare', field, op, value: this.literal() };
    }
    if (this.isKeyword('LIKE')) {
      this.i++;
      const p = this.next();
      if (p.kind !== 'string') this.unexpected(p);
      return { kind: 'like', field, pattern: p.value, pos: p.pos };
    }
    let negated = false;
    if (this.isKeyword('NOT') && this.isKeyword('IN', 1)) {
      this.i++;
      negated = true;
    }
    if (this.isKeyword('IN')) {
      this.i++;
      this.expectOp('(');
      if (this.isKeyword('SELECT')) throw unsupported(this.soql, this.peek().pos, 'A semi-join subquery');
      const values: Literal[] = [this.literal()];
      while (this.isOp(',')) {
        this.i++;
        values.push(this.literal());
      }
      this.expectOp(')');
      return { kind: 'in', field, negated, values };
    }
    this.refuseClause();
    return this.unexpected();
  }

  private literal(): Literal {
    const t = this.next();
    switch (t.kind) {
      case 'string':
        return { kind: 'string', value: t.value, pos: t.pos };
      case 'number':
        return { kind: 'number', value: t.value, pos: t.pos };
      case 'date':
        return { kind: 'date', value: t.value, pos: t.pos };
      case 'datetime':
        return { kind: 'datetime', value: t.value, pos: t.pos };
      case 'op':
        if (t.text === ':') throw unsupported(this.soql, t.pos, 'A bind variable');
        return this.unexpected(t);
      case 'ident': {
        const word = t.text.toUpperCase();
        if (word === 'NULL') return { kind: 'null', pos: t.pos };
        if (word === 'TRUE' || word === 'FALSE')
          return { kind: 'boolean', value: word === 'TRUE', pos: t.pos };
        if (DATE_LITERALS.has(word)) return { kind: 'dateLiteral', name: word, n: 1, pos: t.pos };
        if (N_DATE_LITERALS.has(word)) {
          this.expectOp(':');
          return { kind: 'dateLiteral', name: word, n: this.integer(), pos: t.pos };
        }
        if (/^(THIS|LAST|NEXT)_[A-Z0-9_]+$/.test(word))
          throw unsupported(this.soql, t.pos, `The date literal ${t.text}`);
        return this.unexpected(t);
      }
      default:
        return this.unexpected(t);
    }
  }
}

export const parseSoql = (soql: string): SoqlQuery => new Parser(soql).parse();
