// Where the lead is: its stage on the success path, and the detour it is on, if any.
import { Flex, Heading, StatusTag, StepIndicator } from '@hubspot/ui-extensions';
import type { Stage, TrackedPassport } from '@baton/card-api';
import { STAGE_LABELS, STEP_LABELS } from '../shared/stageLabels.ts';

const STAGE_TAG: Record<Stage, 'danger' | 'warning' | 'info' | 'success' | 'default'> = {
  inquiry: 'default',
  mql: 'info',
  assigned: 'info',
  accepted: 'info',
  qualified: 'success',
  won: 'success',
  lost: 'danger',
  returned: 'warning',
  recycled: 'warning',
  disqualified: 'danger',
};

export function StageSection(props: { passport: TrackedPassport }) {
  const { stage, steps, currentStep } = props.passport;
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="sm" align="center">
        <Heading>Funnel stage</Heading>
        <StatusTag variant={STAGE_TAG[stage]}>{STAGE_LABELS[stage]}</StatusTag>
      </Flex>
      <StepIndicator stepNames={steps.map((s) => STEP_LABELS[s])} currentStep={currentStep} />
    </Flex>
  );
}
