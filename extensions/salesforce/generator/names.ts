// The package's own names — its metadata folder, the object, the quick action, the permissions and the change events —
// in one file, so the generator's parts, the components' tests and the package test all use the same ones.

export const PACKAGE_DIR = 'force-app/main/default';
export const OBJECT = 'Lead';
export const QUICK_ACTION = 'Return_To_Marketing';
export const CUSTOM_PERMISSION = 'Baton_Return_To_Marketing';
export const REP_PERMISSION_SET = 'Baton';
export const INTEGRATION_PERMISSION_SET = 'Baton_Integration';
/** Change events the worker consumes: the lead itself, and calls/emails/meetings logged on it (the first touch). */
export const CHANGE_EVENTS = ['LeadChangeEvent', 'TaskChangeEvent', 'EventChangeEvent'] as const;
/** The External Client App Baton connects through (externalClientApp.ts). */
export const EXTERNAL_CLIENT_APP = 'Baton';
