// The first-touch SLA and what happens as time runs out.
import { Flex, Heading, NumberInput, Text, Toggle } from '@hubspot/ui-extensions';
import type { SlaPolicy } from '@baton/card-api';
import { errorProps, type FieldProblems } from '../fieldProblems.ts';

type SlaNumber = 'firstTouchHours' | 'reminderAtPercent' | 'escalateAtPercent' | 'autoRecycleHours';

const NUMBERS: ReadonlyArray<{ key: SlaNumber; label: string; description: string }> = [
  {
    key: 'firstTouchHours',
    label: 'First touch within (business hours)',
    description: 'The rep has this long after assignment to work the lead.',
  },
  {
    key: 'reminderAtPercent',
    label: 'Remind the rep at (% of the deadline)',
    description: 'For example 50: halfway to the deadline.',
  },
  {
    key: 'escalateAtPercent',
    label: 'Escalate to the manager at (% of the deadline)',
    description: '100 means at the deadline (the SLA is breached).',
  },
  {
    key: 'autoRecycleHours',
    label: 'Recycle untouched leads after (business hours)',
    description: 'Counted from assignment; at least the first-touch deadline.',
  },
];

export function SlaSettings(props: {
  sla: SlaPolicy;
  problems: FieldProblems;
  onChange: (next: SlaPolicy) => void;
}) {
  const { sla, problems, onChange } = props;
  return (
    <Flex direction="column" gap="sm">
      <Heading>Lead SLA</Heading>
      <Text variant="microcopy">Business hours count only working time, per the calendar below.</Text>
      {NUMBERS.map((field) => (
        <NumberInput
          key={field.key}
          label={field.label}
          name={`sla.${field.key}`}
          description={field.description}
          min={0}
          value={sla[field.key]}
          onChange={(value) => onChange({ ...sla, [field.key]: value })}
          {...errorProps(problems, `sla.${field.key}`)}
        />
      ))}
      <Toggle
        label="Count business hours in the lead owner's time zone"
        name="sla.useOwnerTimeZone"
        labelDisplay="inline"
        checked={sla.useOwnerTimeZone}
        onChange={(checked) => onChange({ ...sla, useOwnerTimeZone: checked })}
      />
    </Flex>
  );
}
