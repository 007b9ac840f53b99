// Faithfulness: a portal whose admin customised the lifecycle stages (renamed, added, deleted). The property
// definition lists them in the portal's order, the API's forward-only rule follows that order, and a deleted
// stage is no longer a value the API accepts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CUSTOM_LIFECYCLE_STAGES, customiseLifecycleStages } from './model/lifecycleStage.ts';
import { apiError, startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ rateLimits: false });
  customiseLifecycleStages(h.setup.portal, CUSTOM_LIFECYCLE_STAGES);
});
afterEach(() => h.close());

const stageOf = (id: string) => h.setup.portal.contact(id)?.properties['lifecyclestage'];
const write = (id: string, lifecyclestage: string) =>
  h.client().crm.contacts.basicApi.update(id, { properties: { lifecyclestage } });

describe('customised lifecycle stages', () => {
  it('the property lists the portal’s stages, renamed and added, in its order', async () => {
    const def = await h.client().crm.properties.coreApi.getByName('contacts', 'lifecyclestage');
    expect(def.options.map((o) => [o.value, o.label])).toEqual(CUSTOM_LIFECYCLE_STAGES);
    expect(def.options.map((o) => o.displayOrder)).toEqual(CUSTOM_LIFECYCLE_STAGES.map((_, i) => i));
  });

  it('moves forward in the portal’s order, keeps the stage on a write backwards, refuses a deleted stage', async () => {
    const id = h.setup.portal.createContact({ email: 'c@acme.example', lifecyclestage: 'lead' }).id;
    await write(id, '1082354917'); // Nurture, a custom stage after Prospect (lead)
    expect(stageOf(id)).toBe('1082354917');
    await write(id, 'lead'); // backwards: success, value kept, as HubSpot does
    expect(stageOf(id)).toBe('1082354917');
    await write(id, '');
    await write(id, 'lead');
    expect(stageOf(id)).toBe('lead');
    const err = await apiError(write(id, 'evangelist'));
    expect(err.code).toBe(400);
    expect(JSON.stringify(err.body)).toContain('INVALID_OPTION');
  });
});
