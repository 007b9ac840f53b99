// Baton names each problem's field by its dotted path ("sla.autoRecycleHours", "reasons.3.nurtureList"); every
// input is named by the same path, so finding a field's problem is a lookup.
export type FieldProblems = ReadonlyMap<string, string>;

export function errorProps(
  problems: FieldProblems,
  name: string,
): { error: boolean; validationMessage?: string } {
  const message = problems.get(name);
  return message ? { error: true, validationMessage: message } : { error: false };
}

/** Problems about a group or a control without an error slot (a day, a toggle): shown as text beside it. */
export function messagesFor(problems: FieldProblems, names: readonly string[]): string[] {
  return names.flatMap((name) => problems.get(name) ?? []);
}
