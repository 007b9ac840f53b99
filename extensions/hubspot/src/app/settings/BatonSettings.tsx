// Loads the tenant's policy, then hands it to the form.
import { LoadingSpinner, useExtensionContext } from '@hubspot/ui-extensions';
import { batonFetch, callerOf, LoadFailure, settingsResponseSchema, useBatonQuery } from '@baton/card-api';
import { SettingsForm } from './SettingsForm.tsx';

export function BatonSettings() {
  const context = useExtensionContext<'settings'>();
  const caller = callerOf(context);
  const settings = useBatonQuery('settings', () =>
    batonFetch({ method: 'GET', path: '/settings', caller, schema: settingsResponseSchema }),
  );
  if (settings.state.status === 'loading')
    return <LoadingSpinner label="Loading Baton's settings" layout="centered" />;
  if (settings.state.status === 'failed') {
    return (
      <LoadFailure
        title="Baton's settings could not be loaded"
        failure={settings.state.failure}
        onRetry={settings.reload}
      />
    );
  }
  return <SettingsForm initial={settings.state.data.policy} caller={caller} />;
}
