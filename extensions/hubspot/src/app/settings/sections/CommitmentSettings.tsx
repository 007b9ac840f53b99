// What each side of the SLA commits to: marketing's MQL volume (or sized to what sales can work) and quality (the
// reject-rate target), sales' share of leads worked within the SLA. The ops console's scorecard holds each side to it.
import { Flex, Heading, NumberInput, Text, Toggle } from '@hubspot/ui-extensions';
import type { CommitmentPolicy } from '@baton/card-api';
import { errorProps, type FieldProblems } from '../fieldProblems.ts';

const asPercent = (share: number) => Math.round(share * 1000) / 10;

export function CommitmentSettings(props: {
  commitment: CommitmentPolicy;
  rejectRateTarget: number;
  problems: FieldProblems;
  onChange: (next: CommitmentPolicy) => void;
  onRejectRateTargetChange: (next: number) => void;
}) {
  const { commitment, problems, onChange } = props;
  const sized = commitment.mqlsPerMonth === null;
  return (
    <Flex direction="column" gap="sm">
      <Heading>SLA commitments</Heading>
      <Text variant="microcopy">
        The SLA binds both sides: marketing commits to a volume and quality of MQLs, sales to working them in
        time.
      </Text>
      <Toggle
        label="Size marketing's MQL volume to what sales can work"
        name="commitment.sizedToCapacity"
        labelDisplay="inline"
        checked={sized}
        onChange={(checked) => onChange({ ...commitment, mqlsPerMonth: checked ? null : 100 })}
      />
      {sized ? (
        <Text variant="microcopy">
          Reps × capacity at the measured pace: the scorecard shows the figure and how it is derived.
        </Text>
      ) : (
        <NumberInput
          label="MQLs marketing commits to a month"
          name="commitment.mqlsPerMonth"
          min={0}
          value={commitment.mqlsPerMonth ?? 0}
          onChange={(value) => onChange({ ...commitment, mqlsPerMonth: value })}
          {...errorProps(problems, 'commitment.mqlsPerMonth')}
        />
      )}
      <NumberInput
        label="Reject rate target (%)"
        name="rejectRateTarget"
        description="Healthy is 10 % or less: at least 90 % of handed-over leads accepted."
        min={0}
        max={100}
        value={asPercent(props.rejectRateTarget)}
        onChange={(value) => props.onRejectRateTargetChange(value / 100)}
        {...errorProps(problems, 'rejectRateTarget')}
      />
      <NumberInput
        label="Leads sales works within the SLA (%)"
        name="commitment.slaMetShare"
        description="A first touch, or a return with a reason, before the deadline."
        min={0}
        max={100}
        value={asPercent(commitment.slaMetShare)}
        onChange={(value) => onChange({ ...commitment, slaMetShare: value / 100 })}
        {...errorProps(problems, 'commitment.slaMetShare')}
      />
    </Flex>
  );
}
