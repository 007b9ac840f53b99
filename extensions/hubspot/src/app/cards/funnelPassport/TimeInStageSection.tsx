// Calendar time the lead spent in each stage (the SLA counts business time; velocity is measured in days).
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
import type { Stage } from '@baton/card-api';
import { STAGE_LABELS } from '../shared/stageLabels.ts';

export function formatDuration(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  const days = Math.floor(hours / 24);
  const rest = Math.round(hours - days * 24);
  return rest === 0 ? `${days} d` : `${days} d ${rest} h`;
}

export function TimeInStageSection(props: { timeInStage: ReadonlyArray<{ stage: Stage; hours: number }> }) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>Time in each stage</Heading>
      {props.timeInStage.length === 0 ? (
        <Text>No stage changes recorded yet.</Text>
      ) : (
        <Table bordered={true}>
          <TableHead>
            <TableRow>
              <TableHeader>Stage</TableHeader>
              <TableHeader>Time (calendar)</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.timeInStage.map((t) => (
              <TableRow key={t.stage}>
                <TableCell>{STAGE_LABELS[t.stage]}</TableCell>
                <TableCell>{formatDuration(t.hours)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Flex>
  );
}
