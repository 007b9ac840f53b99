// The first-touch SLA: its status, the countdown in business time, and when it was (or is) due.
import { DescriptionList, DescriptionListItem, Flex, Heading, StatusTag, Text } from '@hubspot/ui-extensions';
import type { PassportSla } from '@baton/card-api';
import { formatDateTime, type DisplayZone } from '../shared/formatDateTime.ts';
import { countdownText, SLA_STATUS_LABELS, SLA_STATUS_TAGS } from './businessTime.ts';

export function SlaSection(props: { sla: PassportSla | null; zone: DisplayZone }) {
  const { sla, zone } = props;
  if (!sla) {
    return (
      <Flex direction="column" gap="xs">
        <Heading>First-touch SLA</Heading>
        <Text>No SLA clock: this lead has not been assigned to a rep.</Text>
      </Flex>
    );
  }
  const countdown = countdownText(sla);
  return (
    <Flex direction="column" gap="xs">
      <Flex direction="row" gap="sm" align="center">
        <Heading>First-touch SLA</Heading>
        <StatusTag variant={SLA_STATUS_TAGS[sla.status]}>{SLA_STATUS_LABELS[sla.status]}</StatusTag>
      </Flex>
      {countdown && <Text format={{ fontWeight: 'demibold' }}>{countdown}</Text>}
      <DescriptionList direction="row">
        <DescriptionListItem label="Assigned">{formatDateTime(sla.assignedAt, zone)}</DescriptionListItem>
        <DescriptionListItem label="Due">{formatDateTime(sla.dueAt, zone)}</DescriptionListItem>
        {sla.firstTouchAt && (
          <DescriptionListItem label="First touch">
            {formatDateTime(sla.firstTouchAt, zone)}
          </DescriptionListItem>
        )}
      </DescriptionList>
    </Flex>
  );
}
