// The return form: the reason (one picker, grouped by bucket), a note (required where the reason says so) and a
// re-engage date for the reasons that allow one.
import { Button, DateInput, Flex, Select, TextArea } from '@hubspot/ui-extensions';
import type { ApiFailure } from '@baton/card-api';
import { reasonConsequence, reasonOptions, type ReasonChoice } from './reasonChoices.ts';
import { type FieldErrors, type ReturnDraft, tomorrowOf } from './returnDraft.ts';
import { ReturnFailureAlert } from './ReturnFailureAlert.tsx';

const errorProps = (message: string | undefined) => ({ error: Boolean(message), validationMessage: message });

export function ReturnForm(props: {
  choices: readonly ReasonChoice[];
  choice: ReasonChoice | undefined;
  draft: ReturnDraft;
  errors: FieldErrors;
  failure: ApiFailure | null;
  onEdit: (next: ReturnDraft, field: keyof FieldErrors) => void;
  onReview: () => void;
}) {
  const { choice, draft, errors, onEdit } = props;
  const pickReason = (value: string | number | boolean) => {
    const next = props.choices.find((c) => c.code === String(value));
    // A date only belongs to reasons that take one.
    onEdit(
      { ...draft, reason: String(value), reengageOn: next?.reengageDateAllowed ? draft.reengageOn : null },
      'reason',
    );
  };
  return (
    <Flex direction="column" gap="sm">
      {props.failure && <ReturnFailureAlert failure={props.failure} />}
      <Select
        label="Reason"
        name="reason"
        placeholder="Why does this lead go back?"
        required={true}
        options={reasonOptions(props.choices)}
        value={draft.reason || undefined}
        description={choice ? reasonConsequence(choice) : undefined}
        onChange={pickReason}
        {...errorProps(errors.reason)}
      />
      <TextArea
        label="Note"
        name="note"
        required={choice?.noteRequired ?? false}
        description={
          choice?.noteRequired ? 'Required for this reason.' : 'Optional: what should marketing know?'
        }
        maxLength={2000}
        value={draft.note}
        onChange={(note) => onEdit({ ...draft, note }, 'note')}
        {...errorProps(errors.note)}
      />
      {choice?.reengageDateAllowed && (
        <DateInput
          label="Re-engage on"
          name="reengageAt"
          description="Optional: when marketing may hand this lead to sales again."
          format="medium"
          min={tomorrowOf(new Date())}
          minValidationMessage="Pick a date after today."
          value={draft.reengageOn ?? undefined}
          onChange={(picked) =>
            onEdit(
              { ...draft, reengageOn: { year: picked.year, month: picked.month, date: picked.date } },
              'reengageAt',
            )
          }
          {...errorProps(errors.reengageAt)}
        />
      )}
      <Button variant="primary" onClick={props.onReview}>
        Review return
      </Button>
    </Flex>
  );
}
