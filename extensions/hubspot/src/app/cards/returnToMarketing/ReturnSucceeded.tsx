// The return is recorded: where the lead went.
import { Alert } from '@hubspot/ui-extensions';
import type { ReturnResult } from '@baton/card-api';
import { STAGE_LABELS } from '../shared/stageLabels.ts';
import type { ReasonChoice } from './reasonChoices.ts';

export function ReturnSucceeded(props: { result: ReturnResult; choice: ReasonChoice }) {
  const { result, choice } = props;
  const list = choice.nurtureList ? ` It joins “${choice.nurtureList}”.` : '';
  const again = result.duplicate ? ' Baton had already recorded this return.' : '';
  return (
    <Alert title="Returned to marketing" variant="success">
      {`Returned as “${choice.label}”: the lead is now ${STAGE_LABELS[result.stage].toLowerCase()}.${list}${again}`}
    </Alert>
  );
}
