// How often the lead was recycled, and every return: when, by whom, why, the note, and what came of it.
import {
  Flex,
  Heading,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import type { PassportReturn } from '@baton/card-api';
import { formatDateTime, type DisplayZone } from '../shared/formatDateTime.ts';
import { STAGE_LABELS } from '../shared/stageLabels.ts';

function returnedBy(r: PassportReturn, currentUserId: string): string {
  if (r.byUserId === null) return 'Baton (automatic)';
  if (r.byUserId === currentUserId) return 'You';
  return r.byName ?? `HubSpot user ${r.byUserId}`;
}

function recycledText(count: number): string {
  if (count === 0) return 'Never recycled.';
  return count === 1 ? 'Recycled once.' : `Recycled ${count} times.`;
}

export function ReturnsSection(props: {
  recycleCount: number;
  returns: readonly PassportReturn[];
  currentUserId: string;
  zone: DisplayZone;
}) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>Returns and recycling</Heading>
      <Text>{recycledText(props.recycleCount)}</Text>
      {props.returns.length === 0 ? (
        <Text>No rep has returned this lead.</Text>
      ) : (
        <Table bordered={true}>
          <TableHead>
            <TableRow>
              <TableHeader>When</TableHeader>
              <TableHeader>By</TableHeader>
              <TableHeader>Reason</TableHeader>
              <TableHeader>Note</TableHeader>
              <TableHeader>Outcome</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.returns.map((r) => (
              <TableRow key={`${r.at}:${r.reason}`}>
                <TableCell>{formatDateTime(r.at, props.zone)}</TableCell>
                <TableCell>{returnedBy(r, props.currentUserId)}</TableCell>
                <TableCell>{r.reasonLabel}</TableCell>
                <TableCell>{r.note ?? '—'}</TableCell>
                <TableCell>{r.outcome ? STAGE_LABELS[r.outcome] : 'Waiting for marketing review'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Flex>
  );
}
