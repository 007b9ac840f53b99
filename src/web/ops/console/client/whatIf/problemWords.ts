// The server's field problems in plain words: the policy schema's checks speak zod's terse English ("Too small:
// expected \w+ to be >0"); an admin reads "must be more than 0". Unknown wording passes through unchanged.

const RULES: ReadonlyArray<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^Too small: expected \w+ to be >=(.+)$/, (m) => `must be at least ${m[1]}`],
  [/^Too small: expected \w+ to be >(.+)$/, (m) => `must be more than ${m[1]}`],
  [/^Too big: expected \w+ to be <=(.+)$/, (m) => `must be at most ${m[1]}`],
  [/^Too big: expected \w+ to be <(.+)$/, (m) => `must be less than ${m[1]}`],
  [/^Invalid input: expected int, received number$/, () => 'must be a whole number'],
  [/^Invalid input: expected (\w+), received (\w+)$/, (m) => `must be a ${m[1]}, not ${article(m[2] ?? '')}`],
  [/^Invalid option: expected one of (.+)$/, (m) => `must be one of ${(m[1] ?? '').split('|').join(', ')}`],
  [/^Unrecognized keys?: (.+)$/, (m) => `has no setting ${m[1]}`],
];

const article = (type: string): string => (type === 'undefined' || type === 'null' ? type : `a ${type}`);

export function inWords(message: string): string {
  for (const [pattern, words] of RULES) {
    const m = message.match(pattern);
    if (m) return words(m);
  }
  return message;
}
