// The confirmation step: what will happen, in words, before anything is sent.
import { Button, ButtonRow, Flex, LoadingButton, Text } from '@hubspot/ui-extensions';
import type { ApiFailure } from '@baton/card-api';
import type { ReasonChoice } from './reasonChoices.ts';
import { formatReengageDate, type ReturnDraft } from './returnDraft.ts';
import { ReturnFailureAlert } from './ReturnFailureAlert.tsx';

export function ReturnConfirmation(props: {
  choice: ReasonChoice;
  draft: ReturnDraft;
  submitting: boolean;
  failure: ApiFailure | null;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const { choice, draft } = props;
  const note = draft.note.trim();
  return (
    <Flex direction="column" gap="sm">
      {props.failure && <ReturnFailureAlert failure={props.failure} />}
      <Text format={{ fontWeight: 'demibold' }}>Return this lead to marketing as “{choice.label}”?</Text>
      <Text>
        {choice.nurtureList
          ? `It leaves your queue and joins “${choice.nurtureList}”.`
          : 'It leaves your queue and joins no nurture list.'}
      </Text>
      {note && <Text>Note: {note}</Text>}
      {choice.reengageDateAllowed && draft.reengageOn && (
        <Text>Marketing may hand it back from {formatReengageDate(draft.reengageOn)}.</Text>
      )}
      <ButtonRow>
        <LoadingButton
          variant="primary"
          loading={props.submitting}
          disabled={props.submitting}
          onClick={props.onConfirm}
        >
          Return to marketing
        </LoadingButton>
        <Button variant="secondary" disabled={props.submitting} onClick={props.onBack}>
          Back
        </Button>
      </ButtonRow>
    </Flex>
  );
}
