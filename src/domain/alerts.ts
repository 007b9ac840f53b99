// When ops and leaders must be told: the reject rate over its target, a jump in SLA breaches, a tenant that lost
// its connection, a CRM budget nearly used up. Pure: the caller measures, this decides.

export type AlertKind =
  | 'reject_rate_over_target'
  | 'sla_breach_jump'
  | 'tenant_disconnected'
  | 'tenant_refresh_failing'
  | 'api_budget_low'
  | 'change_capture_stopped'
  | 'mql_over_capacity';

export interface Alert {
  kind: AlertKind;
  tenantId: string;
  severity: 'warning' | 'critical';
  message: string;
  /** Stable while the condition lasts: an alert is announced once, when it starts. */
  key: string;
}

export interface AlertInputs {
  tenantId: string;
  tenantName: string;
  status: 'connected' | 'refresh_failing' | 'disconnected';
  rejectRate: { rate: number | null; target: number; handedOver: number; periodDays: number };
  breaches: { last24h: number; dailyAverageBefore: number };
  /** Share of the CRM's request budget used (0–1), null when the CRM publishes none. */
  apiBudgetUsed: number | null;
  /** Change feed topics stopped, since when, and why. */
  changeCapture: Array<{
    topic: string;
    kind: 'refused' | 'delivery_limit' | 'failing';
    since: Date;
    problem: string;
  }>;
  /** This month's MQLs against what sales can work so far at the measured pace (null: no pace measured yet). */
  mqlCapacity?: { period: string; mqls: number; capacityToDate: number | null };
  now: Date;
}

/** A topic stopped this long is told (a refusal or repeated failure); shorter blips heal by themselves. */
export const CHANGE_CAPTURE_ALERT_AFTER_MS = 15 * 60_000;

/** Fewer hand-overs than this make a rate too noisy to alert on. */
export const MIN_HANDOVERS_FOR_REJECT_ALERT = 20;

export function alertsFor(i: AlertInputs): Alert[] {
  const alerts: Alert[] = [];
  const pct = (n: number) => `${Math.round(n * 1000) / 10} %`;
  if (i.status === 'disconnected') {
    alerts.push({
      kind: 'tenant_disconnected',
      tenantId: i.tenantId,
      severity: 'critical',
      key: `${i.tenantId}:disconnected`,
      message: `${i.tenantName} is disconnected: Baton cannot read or write the CRM until an admin reinstalls it.`,
    });
  } else if (i.status === 'refresh_failing') {
    alerts.push({
      kind: 'tenant_refresh_failing',
      tenantId: i.tenantId,
      severity: 'warning',
      key: `${i.tenantId}:refresh_failing`,
      message: `${i.tenantName}: refreshing the access token keeps failing; Baton retries.`,
    });
  }
  const { rate, target, handedOver, periodDays } = i.rejectRate;
  if (rate !== null && rate > target && handedOver >= MIN_HANDOVERS_FOR_REJECT_ALERT) {
    alerts.push({
      kind: 'reject_rate_over_target',
      tenantId: i.tenantId,
      severity: 'warning',
      key: `${i.tenantId}:reject_rate`,
      message: `${i.tenantName}: sales rejected ${pct(rate)} of ${handedOver} leads handed over in the last ${periodDays} days (target ≤ ${pct(target)}). The lead definition may be off: see the reject reasons.`,
    });
  }
  const { last24h, dailyAverageBefore } = i.breaches;
  if (last24h >= 3 && last24h > 2 * dailyAverageBefore) {
    alerts.push({
      kind: 'sla_breach_jump',
      tenantId: i.tenantId,
      severity: 'warning',
      key: `${i.tenantId}:breach_jump`,
      message: `${i.tenantName}: ${last24h} SLA breaches in the last 24 hours, against ${Math.round(dailyAverageBefore * 10) / 10} a day before.`,
    });
  }
  if (i.apiBudgetUsed !== null && i.apiBudgetUsed >= 0.9) {
    alerts.push({
      kind: 'api_budget_low',
      tenantId: i.tenantId,
      severity: i.apiBudgetUsed >= 0.98 ? 'critical' : 'warning',
      key: `${i.tenantId}:api_budget`,
      message:
        i.apiBudgetUsed >= 1
          ? `${i.tenantName}: ${pct(i.apiBudgetUsed)} of the CRM's API budget is used, past the allocation (the CRM may refuse any call now); Baton makes one call a minute until usage falls.`
          : `${i.tenantName}: ${pct(i.apiBudgetUsed)} of the CRM's API budget is used; Baton slows down before it runs out.`,
    });
  }
  const mc = i.mqlCapacity;
  if (mc && mc.capacityToDate !== null && mc.mqls > mc.capacityToDate) {
    alerts.push({
      kind: 'mql_over_capacity',
      tenantId: i.tenantId,
      severity: 'warning',
      // once a period: the surplus does not go away within it
      key: `${i.tenantId}:mql_over_capacity:${mc.period}`,
      message: `${i.tenantName}: ${mc.mqls} MQLs in ${mc.period} so far, more than the ${mc.capacityToDate} sales can work at the measured pace. Leads beyond capacity wait and rot: see the SLA scorecard's capacity plan.`,
    });
  }
  for (const c of i.changeCapture) {
    // The delivery allocation is told at once: every subscriber of the org is cut off until usage falls.
    const lasting = i.now.getTime() - c.since.getTime() >= CHANGE_CAPTURE_ALERT_AFTER_MS;
    if (c.kind !== 'delivery_limit' && !lasting) continue;
    alerts.push({
      kind: 'change_capture_stopped',
      tenantId: i.tenantId,
      severity: c.kind === 'delivery_limit' ? 'critical' : 'warning',
      key: `${i.tenantId}:change_capture:${c.topic}:${c.kind}`,
      message: `${i.tenantName}: change events on ${c.topic} stopped since ${c.since.toISOString()} (${c.problem}). The five-minute reconciliation reads what changed meanwhile.`,
    });
  }
  return alerts;
}
