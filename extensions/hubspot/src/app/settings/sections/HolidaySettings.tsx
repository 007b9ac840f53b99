// Days the SLA clock stops, whatever the weekday.
import { Button, DateInput, Flex, Heading, Text } from '@hubspot/ui-extensions';
import { messagesFor, type FieldProblems } from '../fieldProblems.ts';

const pad = (n: number) => String(n).padStart(2, '0');

export function HolidaySettings(props: {
  holidays: readonly string[];
  problems: FieldProblems;
  onChange: (next: string[]) => void;
}) {
  const { holidays, problems, onChange } = props;
  // Rows keep Baton's order: its problems name holidays by index.
  return (
    <Flex direction="column" gap="sm">
      <Heading>Holidays</Heading>
      {holidays.length === 0 && <Text variant="microcopy">No holidays: every working day counts.</Text>}
      {holidays.map((date, index) => (
        <Flex key={date} direction="row" gap="sm" align="center">
          <Text>{date}</Text>
          {messagesFor(problems, [`holidays.${index}`]).map((message) => (
            <Text key={message}>{message}</Text>
          ))}
          <Button
            variant="transparent"
            testId={`holidays.${index}.remove`}
            onClick={() => onChange(holidays.filter((_, i) => i !== index))}
          >
            Remove
          </Button>
        </Flex>
      ))}
      {messagesFor(problems, ['holidays']).map((message) => (
        <Text key={message}>{message}</Text>
      ))}
      <DateInput
        label="Add a holiday"
        name="holidays.new"
        format="YYYY-MM-DD"
        onChange={(d) => {
          const iso = `${d.year}-${pad(d.month + 1)}-${pad(d.date)}`;
          if (!holidays.includes(iso)) onChange([...holidays, iso]);
        }}
      />
    </Flex>
  );
}
