// Applies what a contact does to the portal, the way HubSpot's tracking, forms and email tools would.
import type { Touchpoint } from './engagementPlan.ts';
import type { SimulationContext } from './simulationContext.ts';

export function applyTouchpoint(ctx: SimulationContext, contactId: string, touchpoint: Touchpoint): void {
  if (!ctx.portal.contact(contactId)) return;
  // HubSpot's timestamps are whole milliseconds.
  const t = { ...touchpoint, at: Math.round(touchpoint.at) };
  switch (t.kind) {
    case 'page':
      ctx.portal.trackPageView(contactId, { url: `https://www.acme-analytics.example${t.url}`, at: t.at });
      break;
    case 'form':
      ctx.portal.submitForm(contactId, { name: t.name, at: t.at });
      break;
    case 'email_open':
      ctx.portal.openMarketingEmail(contactId, t.at);
      break;
    case 'email_click':
      ctx.portal.clickMarketingEmail(contactId, t.at);
      break;
  }
  ctx.stats.touchpoints++;
}

/** Plans each touchpoint as its own timed action (applied when its time comes, stamped with that time). */
export function scheduleTouchpoints(
  ctx: SimulationContext,
  contactId: string,
  touchpoints: readonly Touchpoint[],
  label: string,
): void {
  for (const t of touchpoints) {
    ctx.scheduler.schedule({
      at: t.at,
      kind: 'work',
      label: `${label} ${t.kind}`,
      run: (stampAt) => applyTouchpoint(ctx, contactId, { ...t, at: Math.min(t.at, stampAt) }),
    });
  }
}
