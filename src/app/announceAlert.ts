// An alert that just started: a structured log line (ops' log pipeline picks it up) and, if configured, a POST
// to the alert webhook (a chat channel, an incident tool). The webhook failing never fails the check.
import type { Alert } from '../domain/alerts.ts';
import type { Logger } from '../logger.ts';

export async function announceAlert(
  alert: Alert,
  deps: { log: Logger; webhookUrl: string | null },
): Promise<void> {
  deps.log.warn(
    { alert: { kind: alert.kind, tenantId: alert.tenantId, severity: alert.severity } },
    alert.message,
  );
  if (!deps.webhookUrl) return;
  try {
    const res = await fetch(deps.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'baton', ...alert }),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) deps.log.warn({ status: res.status }, 'alert webhook refused the alert');
  } catch (err) {
    deps.log.warn({ err }, 'alert webhook could not be reached');
  }
}
