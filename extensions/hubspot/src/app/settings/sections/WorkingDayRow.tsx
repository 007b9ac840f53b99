// One weekday: closed, or one or more working intervals (HH:MM to HH:MM).
import { Button, Flex, Input, Text } from '@hubspot/ui-extensions';
import type { Weekday, WorkingInterval } from '@baton/card-api';
import { errorProps, messagesFor, type FieldProblems } from '../fieldProblems.ts';
import { DAY_NAMES } from '../problemLocation.ts';

/** A new interval starts where the day's last one ends, so it never overlaps. */
function nextInterval(intervals: readonly WorkingInterval[]): WorkingInterval {
  const last = intervals.at(-1);
  return last ? { start: last.end, end: '24:00' } : { start: '09:00', end: '17:00' };
}

export function WorkingDayRow(props: {
  day: Weekday;
  intervals: readonly WorkingInterval[];
  problems: FieldProblems;
  onChange: (next: WorkingInterval[]) => void;
}) {
  const { day, intervals, problems, onChange } = props;
  const path = `businessHours.${day}`;
  const update = (index: number, patch: Partial<WorkingInterval>) =>
    onChange(intervals.map((w, i) => (i === index ? { ...w, ...patch } : w)));
  return (
    <Flex direction="column" gap="xs">
      <Text format={{ fontWeight: 'demibold' }}>{DAY_NAMES[day]}</Text>
      {intervals.length === 0 && <Text variant="microcopy">Closed</Text>}
      {intervals.map((w, index) => (
        <Flex key={`${day}-${index}`} direction="row" gap="sm" align="end">
          <Input
            label="From"
            name={`${path}.${index}.start`}
            placeholder="09:00"
            value={w.start}
            onChange={(start) => update(index, { start })}
            {...errorProps(problems, `${path}.${index}.start`)}
          />
          <Input
            label="To"
            name={`${path}.${index}.end`}
            placeholder="17:00"
            value={w.end}
            onChange={(end) => update(index, { end })}
            {...errorProps(problems, `${path}.${index}.end`)}
          />
          <Button
            variant="transparent"
            testId={`${path}.${index}.remove`}
            onClick={() => onChange(intervals.filter((_, i) => i !== index))}
          >
            Remove
          </Button>
        </Flex>
      ))}
      {messagesFor(problems, [path]).map((message) => (
        <Text key={message}>{message}</Text>
      ))}
      <Button
        variant="secondary"
        size="xs"
        testId={`${path}.add`}
        onClick={() => onChange([...intervals, nextInterval(intervals)])}
      >
        Add hours
      </Button>
    </Flex>
  );
}
