// The working week the SLA clock counts, and its time zone.
import { Flex, Heading, Input, Text } from '@hubspot/ui-extensions';
import { WEEKDAYS, type BusinessHours } from '@baton/card-api';
import { errorProps, messagesFor, type FieldProblems } from '../fieldProblems.ts';
import { WorkingDayRow } from './WorkingDayRow.tsx';

export function BusinessHoursSettings(props: {
  timeZone: string;
  businessHours: BusinessHours;
  problems: FieldProblems;
  onTimeZoneChange: (next: string) => void;
  onHoursChange: (next: BusinessHours) => void;
}) {
  const { businessHours, problems } = props;
  return (
    <Flex direction="column" gap="sm">
      <Heading>Business hours</Heading>
      <Input
        label="Time zone"
        name="timeZone"
        description="An IANA time zone such as America/New_York or Europe/Berlin."
        value={props.timeZone}
        onChange={props.onTimeZoneChange}
        {...errorProps(problems, 'timeZone')}
      />
      {messagesFor(problems, ['businessHours']).map((message) => (
        <Text key={message} format={{ fontWeight: 'demibold' }}>
          {message}
        </Text>
      ))}
      {WEEKDAYS.map((day) => (
        <WorkingDayRow
          key={day}
          day={day}
          intervals={businessHours[day]}
          problems={problems}
          onChange={(intervals) => props.onHoursChange({ ...businessHours, [day]: intervals })}
        />
      ))}
    </Flex>
  );
}
