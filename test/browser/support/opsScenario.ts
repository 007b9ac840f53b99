// A few weeks of one portal, driven through the sandbox on a manual clock, so every console page has real data:
// MQLs handed to two reps, a touch, rejects and a recycle return, an SLA breach that ends in an auto-recycle, a
// re-MQL, leads waiting on the SLA board, and CRM calls that fail for good (a nurture list deleted in HubSpot)
// and are dead-lettered until the list is restored and the failures are replayed.
import { startBaton, type BatonHarness } from '../../support/batonHarness.ts';
import { returnLead } from '../../support/cardRequest.ts';

const HOUR = 3_600_000;
// Monday 23 Nov 2026, 09:00 in New York (the default business hours are 09:00–17:00 there).
const MONDAY_9AM = new Date('2026-11-23T14:00:00Z');
const RECYCLE_AT = new Date('2026-12-08T15:00:00Z');
/** Where the scenario leaves the clock: Tuesday 8 Dec 2026, 11:00 in New York. */
export const SCENARIO_END = new Date('2026-12-08T16:00:00Z');

export interface OpsScenario {
  h: BatonHarness;
  tenantId: string;
  /** Untouched past the SLA, auto-recycled; its add to the deleted "never worked" list is dead-lettered. */
  recycledLead: string;
  /** Recycled by its rep, back as an MQL; its removal from the deleted timing list is dead-lettered. */
  reMqlLead: string;
  /** Baton's name for a nurture list → the sandbox's list id, for the lists the scenario deletes. */
  deletedLists: string[];
}

/** A strong-fit lead who asks for a demo: an MQL at once (hand-raise). */
function hotLead(h: BatonHarness, n: number, source: string): string {
  const c = h.portal.createContact(
    {
      email: `buyer${n}@northwind${n}.example`,
      firstname: `Buyer${n}`,
      lastname: 'Example',
      jobtitle: n % 2 ? 'VP Sales' : 'Head of Marketing',
      numemployees: n % 3 ? '800' : '120',
      industry: 'software',
      country: 'United States',
      hs_analytics_source: source,
    },
    { source: 'FORM' },
  );
  h.portal.submitForm(c.id, { name: 'Request a demo', at: h.now().getTime() });
  return c.id;
}

const assign = (h: BatonHarness, contactId: string, ownerId: string) =>
  h.portal.setProperties(contactId, { hubspot_owner_id: ownerId }, { source: 'CRM_UI' });

async function deleteList(h: BatonHarness, key: string): Promise<string> {
  const id = await h.listId(key);
  h.portal.lists.remove(id, h.now().getTime());
  return id;
}

export async function runOpsScenario(): Promise<OpsScenario> {
  const h = await startBaton({
    at: MONDAY_9AM,
    policy: { recycle: { cooldownDays: 7 }, capacity: { openLeadsPerRep: 1 } },
  });
  const tenantId = (await h.tenant()).id;
  const [repA, repB] = h.portal.owners.all().filter((o) => o.email.endsWith('@acme.example'));
  if (!repA || !repB) throw new Error('the sandbox portal has no sales reps');

  // Week 1: six demo requests, five handed to the two reps.
  const sources = [
    'PAID_SEARCH',
    'ORGANIC_SEARCH',
    'PAID_SEARCH',
    'SOCIAL_MEDIA',
    'PAID_SEARCH',
    'REFERRALS',
  ];
  const leads = sources.map((s, i) => hotLead(h, i + 1, s));
  await h.settle();
  const [touched, rejected, recycledByRep, untouched, badData] = leads as [
    string,
    string,
    string,
    string,
    string,
  ];
  for (const id of [touched, rejected, recycledByRep]) assign(h, id, repA.id);
  for (const id of [untouched, badData]) assign(h, id, repB.id);
  await h.settle();

  h.advance(3 * HOUR);
  h.portal.logCall(touched, repA.id, h.now().getTime());
  await h.settle();
  h.advance(HOUR);
  await returnLead(h, rejected, repA.userId, { reason: 'wrong_owner', requestId: 'req-wrong-owner-1' });
  await returnLead(h, recycledByRep, repA.userId, { reason: 'not_ready', requestId: 'req-not-ready-01' });
  h.advance(HOUR);
  await returnLead(h, badData, repB.userId, {
    reason: 'bad_data',
    note: 'Phone and company are made up',
    requestId: 'req-bad-data-001',
  });
  await h.settle();

  // Nobody touches the fourth lead: reminded Tuesday, escalated Thursday.
  h.set(new Date('2026-11-24T22:00:00Z'));
  await h.sweep();
  await h.settle();
  h.set(new Date('2026-11-26T15:00:00Z'));
  await h.sweep();
  await h.settle();

  // Someone deletes two of Baton's nurture lists in HubSpot: list writes to them now fail for good.
  const deletedLists = [await deleteList(h, 'nurture_untouched'), await deleteList(h, 'nurture_timing')];

  // Week 2: the recycled lead asks for a demo again after its cooldown; new leads land on the SLA board.
  h.set(new Date('2026-12-03T14:00:00Z'));
  h.portal.submitForm(recycledByRep, { name: 'Request a demo', at: h.now().getTime() });
  const late = hotLead(h, 7, 'PAID_SEARCH');
  await h.settle();
  assign(h, late, repB.id);
  await h.settle();
  h.set(new Date('2026-12-04T14:00:00Z'));
  const dueSoon = hotLead(h, 8, 'ORGANIC_SEARCH');
  await h.settle();
  assign(h, dueSoon, repB.id); // over the rep's capacity of one
  await h.settle();
  h.set(new Date('2026-12-07T14:00:00Z'));
  const fresh = hotLead(h, 9, 'PAID_SEARCH');
  await h.settle();
  assign(h, fresh, repA.id);
  await h.settle();

  // Week 3: the untouched lead passes 72 business hours and is recycled; its list add is dead-lettered.
  h.set(RECYCLE_AT);
  await h.sweep();
  await h.settle();
  // An hour on, so that the recycle sits inside the default analytics period (which ends now, exclusive).
  h.set(SCENARIO_END);
  return { h, tenantId, recycledLead: untouched, reMqlLead: recycledByRep, deletedLists };
}
