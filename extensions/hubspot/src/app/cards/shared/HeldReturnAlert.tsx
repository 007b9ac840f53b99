// A disqualification in HubSpot's Leads workspace that Baton holds instead of recycling on a guess: what it needs.
import { Alert } from '@hubspot/ui-extensions';

export function HeldReturnAlert(props: { held: { why: string } | null | undefined }) {
  if (!props.held) return null;
  return (
    <Alert title="Your disqualification is on hold" variant="warning">
      {props.held.why}
    </Alert>
  );
}
