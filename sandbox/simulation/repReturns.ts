// "Return to marketing" as the rep's click sends it: a fresh requestId per return, a note where the reason
// needs one, sometimes a re-engage date; now and then a double click (the same requestId again while the
// first request is still in flight).
import { bump } from './simulationStats.ts';
import { postReturn, type CardAnswer, type ReturnRequest } from './cardClient.ts';
import type { ReturnChoice } from './returnReasons.ts';
import { prop, type Rep, type SimulationContext } from './simulationContext.ts';
import { DAY } from './businessTime.ts';

/** Where Baton's card shows the button: while sales holds the lead and before it is an opportunity. */
const RETURNABLE = new Set(['assigned', 'accepted']);

const answerLabel = (a: CardAnswer): string => {
  const duplicate =
    typeof a.body === 'object' && a.body !== null && 'duplicate' in a.body && a.body.duplicate === true;
  return duplicate ? `${a.status} duplicate` : String(a.status);
};

export async function sendReturn(
  ctx: SimulationContext,
  r: { contactId: string; rep: Rep; choice: ReturnChoice; requestId: string; doubleClick: boolean },
): Promise<void> {
  const { contactId, rep, choice } = r;
  if (
    prop(ctx, contactId, 'hubspot_owner_id') !== rep.ownerId ||
    !RETURNABLE.has(prop(ctx, contactId, 'baton_stage'))
  ) {
    ctx.stats.skipped++;
    return;
  }
  const nowMs = ctx.clock.now().getTime();
  const reengageAt = choice.reengageInDays === undefined ? undefined : nowMs + choice.reengageInDays * DAY;
  const request: ReturnRequest = {
    reason: choice.reason,
    ...(choice.note !== undefined && { note: choice.note }),
    ...(reengageAt !== undefined && { reengageAt: new Date(reengageAt).toISOString().slice(0, 10) }),
    requestId: r.requestId,
  };
  const call = { portalId: ctx.portal.id, userId: rep.userId, contactId, nowMs };
  const first = postReturn(ctx.card, call, request);
  const second = r.doubleClick
    ? new Promise<void>((resolve) => setTimeout(resolve, 25)).then(() =>
        postReturn(ctx.card, { ...call, nowMs: ctx.clock.now().getTime() }, request),
      )
    : null;
  const [a, b] = await Promise.all([first, second]);
  ctx.stats.returns.sent++;
  // With a double click either request may be the one Baton takes; the other should be a duplicate.
  if (a.status === 200 || b?.status === 200) {
    ctx.stats.returns.accepted++;
    const by = ctx.returnedBy.get(contactId) ?? new Set<string>();
    ctx.returnedBy.set(contactId, by.add(rep.ownerId));
    if (reengageAt !== undefined) ctx.reengageDates.set(contactId, reengageAt);
  } else {
    bump(ctx.stats.returns.refused, `${a.status} ${JSON.stringify(a.body).slice(0, 160)}`);
  }
  if (b) {
    ctx.stats.doubleClicks.sent++;
    ctx.stats.doubleClicks.contactIds.push(contactId);
    // Either click may be the one Baton takes first: the pair is what matters.
    bump(ctx.stats.doubleClicks.answers, [answerLabel(a), answerLabel(b)].sort().join(' + '));
  }
}
