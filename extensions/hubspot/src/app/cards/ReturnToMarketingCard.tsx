// Entry of the "Return to marketing" sidebar card on contacts (return-to-marketing-hsmeta.json).
import { hubspot } from '@hubspot/ui-extensions';
import { ReturnToMarketing } from './returnToMarketing/ReturnToMarketing.tsx';

hubspot.extend<'crm.record.sidebar'>(() => <ReturnToMarketing />);
