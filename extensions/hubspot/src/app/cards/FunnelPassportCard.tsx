// Entry of the "Funnel passport" record tab on contacts (funnel-passport-hsmeta.json).
import { hubspot } from '@hubspot/ui-extensions';
import { FunnelPassport } from './funnelPassport/FunnelPassport.tsx';

hubspot.extend<'crm.record.tab'>(() => <FunnelPassport />);
