// The return in three steps: fill in the form, confirm, done. A confirmation is one submission with one requestId:
// a double click or a retry after a timeout sends the same id, so Baton records the return once.
import { useState } from 'react';
import { useExtensionActions } from '@hubspot/ui-extensions';
import {
  batonFetch,
  newRequestId,
  problemsByField,
  returnResultSchema,
  useBatonMutation,
  type ApiFailure,
  type Caller,
  type ReturnRequestBody,
} from '@baton/card-api';
import type { ReasonChoice } from './reasonChoices.ts';
import { ReturnConfirmation } from './ReturnConfirmation.tsx';
import {
  checkDraft,
  EMPTY_DRAFT,
  RETURN_FIELDS,
  returnBodyOf,
  type FieldErrors,
  type ReturnDraft,
} from './returnDraft.ts';
import { ReturnForm } from './ReturnForm.tsx';
import { ReturnSucceeded } from './ReturnSucceeded.tsx';

function fieldErrorsOf(failure: ApiFailure): FieldErrors {
  const byField = problemsByField(failure);
  const errors: FieldErrors = {};
  for (const field of RETURN_FIELDS) {
    const message = byField.get(field);
    if (message) errors[field] = message;
  }
  return errors;
}

export function ReturnFlow(props: { leadId: string; caller: Caller; choices: readonly ReasonChoice[] }) {
  const actions = useExtensionActions<'crm.record.sidebar'>();
  const [draft, setDraft] = useState<ReturnDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [requestId, setRequestId] = useState<string | null>(null);
  const submission = useBatonMutation((body: ReturnRequestBody) =>
    batonFetch({
      method: 'POST',
      path: `/leads/${props.leadId}/return`,
      caller: props.caller,
      body,
      schema: returnResultSchema,
    }),
  );
  const choice = props.choices.find((c) => c.code === draft.reason);

  if (submission.state.status === 'succeeded' && choice) {
    return <ReturnSucceeded result={submission.state.data} choice={choice} />;
  }
  const failure = submission.state.status === 'failed' ? submission.state.failure : null;

  const edit = (next: ReturnDraft, field: keyof FieldErrors) => {
    setDraft(next);
    setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const review = () => {
    const found = checkDraft(draft, choice);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    submission.reset();
    setRequestId(newRequestId());
  };
  const confirm = async () => {
    if (!choice || !requestId) return;
    const outcome = await submission.submit(returnBodyOf(draft, choice, requestId));
    if (!outcome) return;
    if (outcome.ok) {
      actions.refreshObjectProperties();
      return;
    }
    const onFields = fieldErrorsOf(outcome.failure);
    // Problems with what was entered send the rep back to the form; anything else can be retried as is.
    if (Object.keys(onFields).length > 0) {
      setErrors(onFields);
      setRequestId(null);
    }
  };

  if (requestId && choice) {
    return (
      <ReturnConfirmation
        choice={choice}
        draft={draft}
        submitting={submission.state.status === 'submitting'}
        failure={failure}
        onConfirm={() => void confirm()}
        onBack={() => setRequestId(null)}
      />
    );
  }
  return (
    <ReturnForm
      choices={props.choices}
      choice={choice}
      draft={draft}
      errors={errors}
      failure={failure}
      onEdit={edit}
      onReview={review}
    />
  );
}
