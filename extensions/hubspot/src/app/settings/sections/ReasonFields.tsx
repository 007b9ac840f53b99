// A return reason's fields: its label, its bucket and the nurture list it sends leads to.
import { Flex, Input, Select } from '@hubspot/ui-extensions';
import { REASON_BUCKETS, type NurtureList, type PolicyReason } from '@baton/card-api';
import { errorProps, type FieldProblems } from '../fieldProblems.ts';

const BUCKET_OPTIONS = REASON_BUCKETS.map((bucket) => ({
  value: bucket,
  label: { reject: 'Reject', disqualify: 'Disqualify (permanent)', recycle: 'Recycle (timing)' }[bucket],
}));

/** Select values cannot be null: the empty string stands for "no list". */
const NO_LIST = '';

export function ReasonFields(props: {
  /** The reason's field path ("reasons.3"). */
  path: string;
  reason: PolicyReason;
  nurtureLists: readonly NurtureList[];
  problems: FieldProblems;
  onChange: (next: PolicyReason) => void;
}) {
  const { path, reason, problems, onChange } = props;
  const listOptions = [
    { value: NO_LIST, label: 'No nurture list' },
    ...props.nurtureLists.map((l) => ({ value: l.key, label: l.name })),
  ];
  return (
    <Flex direction="row" gap="sm" wrap="wrap" align="end">
      <Input
        label="Label"
        name={`${path}.label`}
        value={reason.label}
        onChange={(label) => onChange({ ...reason, label })}
        {...errorProps(problems, `${path}.label`)}
      />
      <Select
        label="Bucket"
        name={`${path}.bucket`}
        options={BUCKET_OPTIONS}
        value={reason.bucket}
        onChange={(value) => {
          const bucket = REASON_BUCKETS.find((b) => b === value);
          if (bucket) onChange({ ...reason, bucket });
        }}
        {...errorProps(problems, `${path}.bucket`)}
      />
      <Select
        label="Nurture list"
        name={`${path}.nurtureList`}
        options={listOptions}
        value={reason.nurtureList ?? NO_LIST}
        onChange={(value) => onChange({ ...reason, nurtureList: value === NO_LIST ? null : String(value) })}
        {...errorProps(problems, `${path}.nurtureList`)}
      />
    </Flex>
  );
}
