// Faithfulness: activities on a lead. Closing a task or logging an event moves the lead's LastActivityDate — a
// date, in the org's time zone, not a datetime — as a roll-up that does not touch LastModifiedDate nor raise a
// lead change event; open tasks do not count; tasks belong to users, not queues.
import { afterEach, describe, expect, it } from 'vitest';
import { sfError, startHarness, type Harness } from './testing/harness.ts';

let h: Harness;
afterEach(() => h.close());

describe('activities and LastActivityDate', () => {
  it('moves LastActivityDate (date only) when a call is logged through the API', async () => {
    h = await startHarness();
    const conn = h.connection();
    const lead = h.org.createLead({ LastName: 'T', Company: 'C' });
    const rep = h.setup.reps[0]?.id ?? '';
    const before = h.org.lead(lead.id)?.values.LastModifiedDate;
    h.clock.advance(3_600_000);
    const task = await conn.sobject('Task').create({
      WhoId: lead.id,
      OwnerId: rep,
      Subject: 'Call',
      TaskSubtype: 'Call',
      Status: 'Completed',
      ActivityDate: '2026-10-01',
    });
    const [row] = (
      await conn.query(`SELECT Id, LastActivityDate, LastModifiedDate FROM Lead WHERE Id = '${lead.id}'`)
    ).records;
    expect(row).toMatchObject({
      LastActivityDate: '2026-10-01',
      LastModifiedDate: '2026-10-01T09:00:00.000+0000',
    });
    expect(h.org.lead(lead.id)?.values.LastModifiedDate).toBe(before);
    const saved = await conn.sobject('Task').retrieve(task.id ?? '');
    expect(saved).toMatchObject({
      IsClosed: true,
      TaskSubtype: 'Call',
      CompletedDateTime: '2026-10-01T10:00:00.000+0000',
    });
    expect(
      h.org.changeEvents.events().map((e) => `${e.entity} ${e.message.payload.ChangeEventHeader.changeType}`),
    ).toEqual(['Lead CREATE', 'Task CREATE']);
  });

  it('ignores open tasks until they close, and counts events', async () => {
    h = await startHarness();
    const conn = h.connection();
    const rep = h.setup.reps[0]?.id ?? '';
    const lead = h.org.createLead({ LastName: 'O', Company: 'C' });
    const open = h.org.createTask(lead.id, rep, '2026-10-05');
    expect(h.org.lead(lead.id)?.values.LastActivityDate).toBeNull();
    await conn.sobject('Task').update({ Id: open.id, Status: 'Completed' });
    expect(h.org.lead(lead.id)?.values.LastActivityDate).toBe('2026-10-05');
    h.org.logMeeting(lead.id, rep, Date.parse('2026-10-09T15:00:00Z'), 45);
    expect(h.org.lead(lead.id)?.values.LastActivityDate).toBe('2026-10-09');
    expect(h.org.calendarEvents(lead.id)[0]?.values).toMatchObject({
      ActivityDate: '2026-10-09',
      EndDateTime: Date.parse('2026-10-09T15:45:00Z'),
    });
  });

  it('takes the day in the org’s time zone', async () => {
    h = await startHarness({}, { timeZone: 'America/Los_Angeles' });
    const lead = h.org.createLead({ LastName: 'Z', Company: 'C' });
    // 03:00 UTC on the 2nd is still the evening of the 1st in California.
    h.org.logCall(lead.id, h.setup.reps[0]?.id ?? '', Date.parse('2026-10-02T03:00:00Z'));
    expect(h.org.lead(lead.id)?.values.LastActivityDate).toBe('2026-10-01');
    expect(h.org.tasks(lead.id)[0]?.values).toMatchObject({
      TaskSubtype: 'Call',
      IsClosed: true,
      ActivityDate: '2026-10-01',
    });
  });

  it('refuses a queue as a task owner', async () => {
    h = await startHarness();
    const lead = h.org.createLead({ LastName: 'Q', Company: 'C' });
    const e = await sfError(
      h
        .connection()
        .sobject('Task')
        .create({ WhoId: lead.id, OwnerId: h.setup.marketingQueue?.id, Subject: 'x' }),
    );
    expect(e.name).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect(e.message).toContain('Assigned To ID: id value of incorrect type');
  });
});
