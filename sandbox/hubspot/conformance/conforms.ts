// The suite's one assertion: a value parses with a schema written from HubSpot's spec. On a mismatch the test
// fails with zod's account of every difference and the value itself.
import { z } from 'zod';

export function conforms<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      `${what} does not match the published schema:\n${z.prettifyError(parsed.error)}\n` +
        JSON.stringify(value, null, 2),
    );
  }
  return parsed.data;
}
