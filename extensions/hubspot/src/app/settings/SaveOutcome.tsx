// The result of the last save above the form: saved, or what is wrong and where.
import { Alert, List, Text } from '@hubspot/ui-extensions';
import { failureInWords, type MutationState, type SettingsPolicy } from '@baton/card-api';
import { problemLocation } from './problemLocation.ts';

export function SaveOutcome(props: { state: MutationState<unknown>; policy: SettingsPolicy }) {
  const { state } = props;
  if (state.status === 'succeeded') {
    return (
      <Alert title="Settings saved" variant="success">
        Baton applies them from now on.
      </Alert>
    );
  }
  if (state.status !== 'failed') return null;
  const problems = state.failure.kind === 'refused' ? state.failure.problems : [];
  if (problems.length === 0) {
    return (
      <Alert title="The settings were not saved" variant="error">
        {failureInWords(state.failure)}
      </Alert>
    );
  }
  return (
    <Alert title="Some settings need a change before they can be saved" variant="error">
      <Text>Nothing was saved. Each problem is also shown next to its field:</Text>
      <List variant="unordered">
        {problems.map((p) => (
          <Text key={`${p.field}:${p.message}`}>
            {problemLocation(p.field, props.policy)}: {p.message}
          </Text>
        ))}
      </List>
    </Alert>
  );
}
