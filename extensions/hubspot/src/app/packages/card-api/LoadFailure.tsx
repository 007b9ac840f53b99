// A load that failed: what went wrong in words, and a way to try again.
import { Button, ErrorState, Text } from '@hubspot/ui-extensions';
import { failureInWords, type ApiFailure } from './apiFailure.ts';

export function LoadFailure(props: { title: string; failure: ApiFailure; onRetry: () => void }) {
  return (
    <ErrorState title={props.title}>
      <Text>{failureInWords(props.failure)}</Text>
      <Button onClick={props.onRetry}>Try again</Button>
    </ErrorState>
  );
}
