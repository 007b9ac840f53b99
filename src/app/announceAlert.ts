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
  if (deps.webhookUrl)
    await postToWebhook(deps.webhookUrl, { source: 'baton', ...alert }, deps.log, 'the alert');
}

/** POSTs `body` as JSON to the alert webhook; true when it took it. Never throws: a failure is a warning. */
export async function postToWebhook(
  url: string,
  body: object,
  log: Pick<Logger, 'warn'>,
  what: string,
): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) log.warn({ status: res.status }, `alert webhook refused ${what}`);
    return res.ok;
  } catch (err) {
    log.warn({ err }, `alert webhook could not be reached for ${what}`);
    return false;
  }
}
