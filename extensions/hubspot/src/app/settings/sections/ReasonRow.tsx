// One return reason: its label, bucket, nurture list and the rules reps meet when they pick it.
import { Button, Flex, Input, Select, Tag, Text, Toggle } from '@hubspot/ui-extensions';
import { REASON_BUCKETS, type NurtureList, type PolicyReason } from '@baton/card-api';
import { errorProps, messagesFor, type FieldProblems } from '../fieldProblems.ts';

const BUCKET_OPTIONS = REASON_BUCKETS.map((bucket) => ({
  value: bucket,
  label: { reject: 'Reject', disqualify: 'Disqualify (permanent)', recycle: 'Recycle (timing)' }[bucket],
}));

/** Select values cannot be null: the empty string stands for "no list". */
const NO_LIST = '';

export function ReasonRow(props: {
  index: number;
  reason: PolicyReason;
  nurtureLists: readonly NurtureList[];
  problems: FieldProblems;
  onChange: (next: PolicyReason) => void;
  onRemove: () => void;
}) {
  const { reason, problems, onChange } = props;
  const path = `reasons.${props.index}`;
  const listOptions = [
    { value: NO_LIST, label: 'No nurture list' },
    ...props.nurtureLists.map((l) => ({ value: l.key, label: l.name })),
  ];
  const rowMessages = messagesFor(problems, [
    path,
    `${path}.code`,
    `${path}.noteRequired`,
    `${path}.reengageDateAllowed`,
    `${path}.countsAsReject`,
    `${path}.repSelectable`,
  ]);
  return (
    <Flex direction="column" gap="xs">
      <Flex direction="row" gap="sm" align="center">
        <Text variant="microcopy">{reason.code}</Text>
        {!reason.repSelectable && <Tag variant="default">Baton rule: not offered to reps</Tag>}
      </Flex>
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
      <Flex direction="row" gap="md" wrap="wrap" align="center">
        <Toggle
          label="Note required"
          name={`${path}.noteRequired`}
          labelDisplay="inline"
          checked={reason.noteRequired}
          onChange={(noteRequired) => onChange({ ...reason, noteRequired })}
        />
        <Toggle
          label="Re-engage date allowed"
          name={`${path}.reengageDateAllowed`}
          labelDisplay="inline"
          checked={reason.reengageDateAllowed}
          onChange={(reengageDateAllowed) => onChange({ ...reason, reengageDateAllowed })}
        />
        <Button variant="transparent" testId={`${path}.remove`} onClick={props.onRemove}>
          Remove
        </Button>
      </Flex>
      {rowMessages.map((message) => (
        <Text key={message}>{message}</Text>
      ))}
    </Flex>
  );
}
