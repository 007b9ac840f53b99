// What the ops console shows, computed from the store — one module per view under opsViews/: tenants and their
// connection health, failures grouped by cause with their funnel impact, the SLA board, a lead's full timeline
// and funnel analytics. (Alerts come from app/alerts.ts.)
export type { OpsDeps } from './opsViews/opsDeps.ts';
export { tenantsView } from './opsViews/tenantsView.ts';
export { failuresView } from './opsViews/failuresView.ts';
export { slaBoard } from './opsViews/slaBoard.ts';
export { leadTimeline } from './opsViews/leadTimeline.ts';
export { funnelView } from './opsViews/funnelView.ts';
