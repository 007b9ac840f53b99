// Entry of Baton's settings page (settings-hsmeta.json): the tenant's SLA, calendar, reasons and MQL rule.
import { hubspot } from '@hubspot/ui-extensions';
import { BatonSettings } from './BatonSettings.tsx';

hubspot.extend<'settings'>(() => <BatonSettings />);
