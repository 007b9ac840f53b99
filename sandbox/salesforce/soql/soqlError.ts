// SOQL errors the way Salesforce words them: the query, a caret under the offending spot, "ERROR at
// Row:r:Column:c", then what is wrong. Sent as 400 [{message, errorCode}].
import { restError, type SalesforceError } from '../salesforceErrors.ts';

export type SoqlErrorCode =
  'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE' | 'INVALID_QUERY_FILTER_OPERATOR';

export function soqlError(code: SoqlErrorCode, soql: string, pos: number, text: string): SalesforceError {
  const before = soql.slice(0, Math.max(0, pos));
  const row = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = soql.indexOf('\n', lineStart);
  const line = soql.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  const column = pos - lineStart + 1;
  return restError(
    400,
    code,
    `\n${line}\n${' '.repeat(Math.max(0, column - 1))}^\nERROR at Row:${row}:Column:${column}\n${text}`,
  );
}

/** What the sandbox's SOQL covers, for the message on anything beyond it. */
export const SUPPORTED_SOQL =
  'The Salesforce sandbox supports SELECT <fields> | COUNT() FROM <object> [WHERE <conditions>] [ORDER BY <field> [ASC|DESC] [NULLS FIRST|LAST], ...] [LIMIT n] [OFFSET n]';

export const unsupported = (soql: string, pos: number, what: string): SalesforceError =>
  soqlError(
    'MALFORMED_QUERY',
    soql,
    pos,
    `${what} is not supported by the Salesforce sandbox. ${SUPPORTED_SOQL}.`,
  );
