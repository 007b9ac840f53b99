// The record tab: the lead's passport — or loading, a failure in words, or why Baton has never seen it.
import { Divider, EmptyState, Flex, LoadingSpinner, Text, useExtensionContext } from '@hubspot/ui-extensions';
import { batonFetch, callerOf, LoadFailure, passportResponseSchema, useBatonQuery } from '@baton/card-api';
import { HeldReturnAlert } from '../shared/HeldReturnAlert.tsx';
import { ReturnsSection } from './ReturnsSection.tsx';
import { ScoresSection } from './ScoresSection.tsx';
import { SlaSection } from './SlaSection.tsx';
import { StageSection } from './StageSection.tsx';
import { TimeInStageSection } from './TimeInStageSection.tsx';

export function FunnelPassport() {
  const context = useExtensionContext<'crm.record.tab'>();
  const caller = callerOf(context);
  const leadId = String(context.crm.objectId);
  const passport = useBatonQuery(`passport:${leadId}`, () =>
    batonFetch({ method: 'GET', path: `/leads/${leadId}/passport`, caller, schema: passportResponseSchema }),
  );
  const zone = { timeZone: context.portal.timezone, locale: context.user.locale };

  if (passport.state.status === 'loading') {
    return <LoadingSpinner label="Loading the funnel passport" layout="centered" />;
  }
  if (passport.state.status === 'failed') {
    return (
      <LoadFailure
        title="The funnel passport could not be loaded"
        failure={passport.state.failure}
        onRetry={passport.reload}
      />
    );
  }
  const lead = passport.state.data;
  if (!lead.tracked) {
    return (
      <EmptyState title="Baton has never seen this lead" layout="vertical" imageName="leads">
        <Text>{lead.why}</Text>
      </EmptyState>
    );
  }
  return (
    <Flex direction="column" gap="md">
      <HeldReturnAlert held={lead.heldReturn} />
      <StageSection passport={lead} />
      <Divider />
      <SlaSection sla={lead.sla} zone={zone} />
      <Divider />
      <ScoresSection scores={lead.scores} />
      <Divider />
      <ReturnsSection
        recycleCount={lead.recycleCount}
        returns={lead.returns}
        currentUserId={String(context.user.id)}
        zone={zone}
      />
      <Divider />
      <TimeInStageSection timeInStage={lead.timeInStage} />
    </Flex>
  );
}
