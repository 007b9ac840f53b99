// Reminders and escalations as CRM tasks, in words a rep or manager acts on.
import { DateTime } from 'luxon';
import type { Effect } from '../domain/decide/effect.ts';
import type { CrmTask } from '../crm/port.ts';

const when = (at: Date, timeZone: string) =>
  DateTime.fromJSDate(at, { zone: timeZone }).toFormat("ccc d LLL, HH:mm '('ZZZZ')'");

export function taskFor(
  effect: Extract<Effect, { kind: 'remind_owner' | 'escalate' }>,
  timeZone: string,
): CrmTask {
  if (effect.kind === 'remind_owner') {
    return {
      leadId: effect.leadId,
      ownerId: effect.ownerId,
      subject: `Baton: first touch due ${when(effect.dueAt, timeZone)}`,
      body: `This lead was handed to you and has not been worked yet. Call, email or meet them before ${when(effect.dueAt, timeZone)}, or return it to marketing with a reason.`,
      dueAt: effect.dueAt,
    };
  }
  // Without a known manager the owner gets the escalation: the breach must reach a person, not only a log.
  return {
    leadId: effect.leadId,
    ownerId: effect.managerId ?? effect.ownerId,
    subject: `Baton: SLA breached — lead untouched since hand-off (owner ${effect.ownerId})`,
    body: `The first touch was due ${when(effect.dueAt, timeZone)} and has not happened. Please follow up with the owner (${effect.ownerId}) or reassign the lead.`,
    dueAt: effect.dueAt,
  };
}
