// Why the return was not saved, in Baton's words; problems the form cannot point at are listed here.
import { Alert, Text } from '@hubspot/ui-extensions';
import { failureInWords, type ApiFailure } from '@baton/card-api';
import { RETURN_FIELDS, type ReturnField } from './returnDraft.ts';

const isFormField = (field: string): field is ReturnField =>
  (RETURN_FIELDS as readonly string[]).includes(field);

export function ReturnFailureAlert(props: { failure: ApiFailure }) {
  const elsewhere =
    props.failure.kind === 'refused' ? props.failure.problems.filter((p) => !isFormField(p.field)) : [];
  return (
    <Alert title="The return was not saved" variant="error">
      {failureInWords(props.failure)}
      {elsewhere.map((p) => (
        <Text key={`${p.field}:${p.message}`}>{p.message}</Text>
      ))}
    </Alert>
  );
}
