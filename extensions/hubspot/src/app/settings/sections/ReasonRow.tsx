// One return reason: its label, bucket, nurture list and the rules reps meet when they pick it.
import { Button, Flex, Tag, Text, Toggle } from '@hubspot/ui-extensions';
import type { NurtureList, PolicyReason } from '@baton/card-api';
import { messagesFor, type FieldProblems } from '../fieldProblems.ts';
import { ReasonFields } from './ReasonFields.tsx';

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
      <ReasonFields
        path={path}
        reason={reason}
        nurtureLists={props.nurtureLists}
        problems={problems}
        onChange={onChange}
      />
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
