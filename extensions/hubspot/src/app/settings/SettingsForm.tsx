// The settings form: edits a draft of the policy, saves it whole (fields it does not show go back unchanged) and
// puts each problem Baton reports next to its field.
import { useState } from 'react';
import { Divider, Flex, LoadingButton } from '@hubspot/ui-extensions';
import {
  batonFetch,
  problemsByField,
  settingsResponseSchema,
  useBatonMutation,
  type Caller,
  type SettingsPolicy,
} from '@baton/card-api';
import { SaveOutcome } from './SaveOutcome.tsx';
import { CommitmentSettings } from './sections/CommitmentSettings.tsx';
import { BusinessHoursSettings } from './sections/BusinessHoursSettings.tsx';
import { HolidaySettings } from './sections/HolidaySettings.tsx';
import { MqlRuleSettings } from './sections/MqlRuleSettings.tsx';
import { NurtureListSettings } from './sections/NurtureListSettings.tsx';
import { ReasonSettings } from './sections/ReasonSettings.tsx';
import { SlaSettings } from './sections/SlaSettings.tsx';
import { WhatIfPreview } from './WhatIfPreview.tsx';

export function SettingsForm(props: { initial: SettingsPolicy; caller: Caller }) {
  const [draft, setDraft] = useState<SettingsPolicy>(props.initial);
  const save = useBatonMutation((policy: SettingsPolicy) =>
    batonFetch({
      method: 'PUT',
      path: '/settings',
      caller: props.caller,
      body: { policy },
      schema: settingsResponseSchema,
    }),
  );
  const problems = problemsByField(save.state.status === 'failed' ? save.state.failure : null);

  const change =
    <K extends keyof SettingsPolicy>(key: K) =>
    (value: SettingsPolicy[K]) => {
      // "Saved" no longer describes a draft that changed since; problems stay until the next save.
      if (save.state.status === 'succeeded') save.reset();
      setDraft((current) => ({ ...current, [key]: value }));
    };
  const submit = async () => {
    const outcome = await save.submit(draft);
    if (outcome?.ok) setDraft(outcome.data.policy);
  };

  return (
    <Flex direction="column" gap="md">
      <SaveOutcome state={save.state} policy={draft} />
      <SlaSettings sla={draft.sla} problems={problems} onChange={change('sla')} />
      <Divider />
      <CommitmentSettings
        commitment={draft.commitment}
        rejectRateTarget={draft.rejectRateTarget}
        problems={problems}
        onChange={change('commitment')}
        onRejectRateTargetChange={change('rejectRateTarget')}
      />
      <Divider />
      <BusinessHoursSettings
        timeZone={draft.timeZone}
        businessHours={draft.businessHours}
        problems={problems}
        onTimeZoneChange={change('timeZone')}
        onHoursChange={change('businessHours')}
      />
      <Divider />
      <HolidaySettings holidays={draft.holidays} problems={problems} onChange={change('holidays')} />
      <Divider />
      <ReasonSettings
        reasons={draft.reasons}
        nurtureLists={draft.nurtureLists}
        problems={problems}
        onChange={change('reasons')}
      />
      <Divider />
      <NurtureListSettings lists={draft.nurtureLists} problems={problems} onChange={change('nurtureLists')} />
      <Divider />
      <MqlRuleSettings mql={draft.mql} problems={problems} onChange={change('mql')} />
      <Divider />
      <WhatIfPreview policy={draft} caller={props.caller} />
      <Divider />
      <LoadingButton
        variant="primary"
        loading={save.state.status === 'submitting'}
        disabled={save.state.status === 'submitting'}
        onClick={() => void submit()}
      >
        Save settings
      </LoadingButton>
    </Flex>
  );
}
