// The SLA countdown in business time, as people say it: "5 h 20 min of business time left".
import type { PassportSla, SlaStatus } from '@baton/card-api';

export function formatBusinessMinutes(minutes: number): string {
  const total = Math.round(Math.abs(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export const SLA_STATUS_LABELS: Record<SlaStatus, string> = {
  on_time: 'On time',
  due_soon: 'Due soon',
  breached: 'Breached',
  met: 'Met',
  missed: 'Missed',
};

export const SLA_STATUS_TAGS: Record<SlaStatus, 'success' | 'warning' | 'danger'> = {
  on_time: 'success',
  due_soon: 'warning',
  breached: 'danger',
  met: 'success',
  missed: 'danger',
};

/** The countdown line while the clock runs; null once the rep has touched the lead. */
export function countdownText(sla: PassportSla): string | null {
  const left = sla.businessMinutesLeft;
  if (left === null) return null;
  if (left > 0) return `${formatBusinessMinutes(left)} of business time left for the first touch`;
  if (left === 0) return 'The first touch is due now';
  return `Overdue by ${formatBusinessMinutes(left)} of business time`;
}
