// The sidebar card: loads the reasons and the lead's passport, then offers the return — or says why it cannot.
import { Flex, LoadingSpinner, useExtensionContext } from '@hubspot/ui-extensions';
import {
  batonFetch,
  callerOf,
  LoadFailure,
  passportResponseSchema,
  reasonsResponseSchema,
  useBatonQuery,
} from '@baton/card-api';
import { HeldReturnAlert } from '../shared/HeldReturnAlert.tsx';
import { NotReturnable } from './NotReturnable.tsx';
import { reasonChoices } from './reasonChoices.ts';
import { ReturnFlow } from './ReturnFlow.tsx';

export function ReturnToMarketing() {
  const context = useExtensionContext<'crm.record.sidebar'>();
  const caller = callerOf(context);
  const leadId = String(context.crm.objectId);
  const reasons = useBatonQuery('reasons', () =>
    batonFetch({ method: 'GET', path: '/reasons', caller, schema: reasonsResponseSchema }),
  );
  const passport = useBatonQuery(`passport:${leadId}`, () =>
    batonFetch({ method: 'GET', path: `/leads/${leadId}/passport`, caller, schema: passportResponseSchema }),
  );

  const failure =
    reasons.state.status === 'failed'
      ? reasons.state.failure
      : passport.state.status === 'failed'
        ? passport.state.failure
        : null;
  if (failure) {
    const retry = () => {
      if (reasons.state.status === 'failed') reasons.reload();
      if (passport.state.status === 'failed') passport.reload();
    };
    return <LoadFailure title="Return to marketing is not available" failure={failure} onRetry={retry} />;
  }
  if (reasons.state.status !== 'ready' || passport.state.status !== 'ready') {
    return <LoadingSpinner label="Loading return reasons" layout="centered" />;
  }

  const lead = passport.state.data;
  if (!lead.tracked) return <NotReturnable title="Baton does not track this lead" why={lead.why} />;
  if (!lead.returnable) {
    return (
      <NotReturnable
        title="This lead cannot be returned"
        why={lead.notReturnableWhy ?? 'This lead cannot be returned now.'}
      />
    );
  }
  const choices = reasonChoices(reasons.state.data);
  if (choices.length === 0) {
    return (
      <NotReturnable
        title="No return reasons are set up"
        why="Ask your Baton admin to add return reasons in Baton's settings."
      />
    );
  }
  return (
    <Flex direction="column" gap="sm">
      <HeldReturnAlert held={lead.heldReturn} />
      <ReturnFlow leadId={leadId} caller={caller} choices={choices} />
    </Flex>
  );
}
