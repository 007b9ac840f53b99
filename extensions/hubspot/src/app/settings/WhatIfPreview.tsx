// Before saving: what the draft settings would have changed over the last 90 days, next to what the settings in
// force did (Baton replays its ledger under both). A preview of an earlier draft says so, rather than passing
// for the current one.
import { useRef } from 'react';
import {
  Button,
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
import {
  batonFetch,
  failureInWords,
  useBatonMutation,
  whatIfPreviewSchema,
  type Caller,
  type SettingsPolicy,
  type WhatIfPreviewSide,
} from '@baton/card-api';

const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 1000) / 10} %`);

const FIGURES: ReadonlyArray<[label: string, value: (s: WhatIfPreviewSide) => string | number]> = [
  ['MQLs', (s) => s.mqls],
  ['Handed to sales', (s) => s.handedOver],
  ['SLA breaches', (s) => s.breaches],
  ['Auto-recycled untouched', (s) => s.autoRecycles],
  ['Re-MQLs', (s) => s.reMqls],
  ['Exhausted (recycle limit)', (s) => s.exhausted],
  ['Reject rate', (s) => `${percent(s.rejectRate)}${s.overTarget ? ' (over target)' : ''}`],
  ['Reps over capacity', (s) => `${s.capacity.repsOverCapacity} of ${s.capacity.reps}`],
];

export function WhatIfPreview(props: { policy: SettingsPolicy; caller: Caller }) {
  const previewed = useRef<SettingsPolicy | null>(null);
  const preview = useBatonMutation((policy: SettingsPolicy) =>
    batonFetch({
      method: 'POST',
      path: '/settings/preview',
      caller: props.caller,
      body: { policy },
      schema: whatIfPreviewSchema,
    }),
  );
  const run = () => {
    previewed.current = props.policy;
    void preview.submit(props.policy);
  };
  const { state } = preview;
  return (
    <Flex direction="column" gap="xs">
      <Heading>Impact over the last 90 days</Heading>
      <Flex direction="row" gap="sm" align="center">
        <Button testId="whatif.preview" disabled={state.status === 'submitting'} onClick={run}>
          Preview impact
        </Button>
        {state.status === 'submitting' && <Text>Replaying the last 90 days…</Text>}
      </Flex>
      {state.status === 'failed' && (
        <Text testId="whatif.failure">The preview failed: {failureInWords(state.failure)}</Text>
      )}
      {state.status === 'succeeded' && (
        <>
          {previewed.current !== props.policy && (
            <Text testId="whatif.stale" variant="microcopy">
              The settings changed since this preview: preview again to see their impact.
            </Text>
          )}
          <Table bordered={true}>
            <TableHead>
              <TableRow>
                <TableHeader>{`${state.data.leads} leads`}</TableHeader>
                <TableHeader>Settings in force</TableHeader>
                <TableHeader>These settings</TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {FIGURES.map(([label, value]) => (
                <TableRow key={label}>
                  <TableCell>{label}</TableCell>
                  <TableCell>{String(value(state.data.baseline))}</TableCell>
                  <TableCell>{String(value(state.data.proposed))}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text testId="whatif.changed">
            {state.data.changed.count === 1
              ? '1 lead would have ended differently.'
              : `${state.data.changed.count} leads would have ended differently.`}
          </Text>
          <Text variant="microcopy">{state.data.limits.join(' ')}</Text>
        </>
      )}
    </Flex>
  );
}
