// The reasons a rep can pick, flattened for one picker: each keeps its bucket, and the label starts with it so
// the list reads grouped (reject, disqualify, recycle — the order Baton sends).
import type { PickableReason, ReasonBucket, ReasonsResponse } from '@baton/card-api';

export interface ReasonChoice extends PickableReason {
  bucket: ReasonBucket;
  /** Baton's words for the bucket, e.g. "Recycle — right person, wrong time". */
  bucketLabel: string;
}

const BUCKET_NAMES: Record<ReasonBucket, string> = {
  reject: 'Reject',
  disqualify: 'Disqualify',
  recycle: 'Recycle',
};

export function reasonChoices(response: ReasonsResponse): ReasonChoice[] {
  return response.buckets.flatMap((b) =>
    b.reasons.map((reason) => ({ ...reason, bucket: b.bucket, bucketLabel: b.label })),
  );
}

export function reasonOptions(choices: readonly ReasonChoice[]): Array<{ label: string; value: string }> {
  return choices.map((c) => ({ label: `${BUCKET_NAMES[c.bucket]}: ${c.label}`, value: c.code }));
}

/** What picking the reason means for the lead. */
export function reasonConsequence(choice: ReasonChoice): string {
  const list = choice.nurtureList
    ? `The lead joins “${choice.nurtureList}”.`
    : 'The lead joins no nurture list.';
  return `${choice.bucketLabel}. ${list}`;
}
