// The reasons reps pick when they return a lead, and the nurture list each sends it to.
import { useState } from 'react';
import { Button, Flex, Heading, Input, Text } from '@hubspot/ui-extensions';
import type { NurtureList, PolicyReason } from '@baton/card-api';
import { messagesFor, type FieldProblems } from '../fieldProblems.ts';
import { ReasonRow } from './ReasonRow.tsx';

/** A new reason starts as a recycle reason without a list; the admin sets the rest in its row. */
function newReason(code: string, label: string): PolicyReason {
  return {
    code,
    label,
    bucket: 'recycle',
    nurtureList: null,
    noteRequired: false,
    reengageDateAllowed: false,
    countsAsReject: false,
    repSelectable: true,
  };
}

export function ReasonSettings(props: {
  reasons: readonly PolicyReason[];
  nurtureLists: readonly NurtureList[];
  problems: FieldProblems;
  onChange: (next: PolicyReason[]) => void;
}) {
  const { reasons, problems, onChange } = props;
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const add = () => {
    onChange([...reasons, newReason(code.trim(), label.trim())]);
    setCode('');
    setLabel('');
  };
  return (
    <Flex direction="column" gap="sm">
      <Heading>Return reasons</Heading>
      <Text variant="microcopy">
        Reject: not right for sales before contact. Disqualify: never a customer. Recycle: right person, wrong
        time.
      </Text>
      {messagesFor(problems, ['reasons']).map((message) => (
        <Text key={message} format={{ fontWeight: 'demibold' }}>
          {message}
        </Text>
      ))}
      {reasons.map((reason, index) => (
        <ReasonRow
          key={`${index}-${reason.code}`}
          index={index}
          reason={reason}
          nurtureLists={props.nurtureLists}
          problems={problems}
          onChange={(next) => onChange(reasons.map((r, i) => (i === index ? next : r)))}
          onRemove={() => onChange(reasons.filter((_, i) => i !== index))}
        />
      ))}
      <Flex direction="row" gap="sm" align="end">
        <Input
          label="New reason code"
          name="reasons.new.code"
          placeholder="lower_snake_case"
          value={code}
          onChange={setCode}
        />
        <Input label="New reason label" name="reasons.new.label" value={label} onChange={setLabel} />
        <Button
          variant="secondary"
          testId="reasons.add"
          disabled={!code.trim() || !label.trim()}
          onClick={add}
        >
          Add reason
        </Button>
      </Flex>
    </Flex>
  );
}
