// Dates, durations, score reasons and errors in words, for Baton's components. Pure functions: the locale, the time
// zone and the clock are passed in.

const MINUTE = 60000;

function formatter(locale, timeZone, options) {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone });
  } catch {
    // An unknown locale or zone must not break the component: English in UTC, said so.
    const utc = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    return {
      format: (date) => `${utc.format(date)} UTC`,
      formatToParts: (date) => utc.formatToParts(date),
    };
  }
}

/** An instant (ISO 8601) as the user reads it, e.g. "Nov 24, 2026, 2:30 PM". */
export function formatDateTime(iso, locale, timeZone) {
  if (!iso) return '';
  return formatter(locale, timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD, no time zone), e.g. "Jan 15, 2027". */
export function formatDate(isoDate, locale) {
  if (!isoDate) return '';
  return formatter(locale, 'UTC', { dateStyle: 'medium' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** The user's today as YYYY-MM-DD, in their time zone. */
export function todayIn(timeZone, now) {
  const parts = formatter('en-US', timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** YYYY-MM-DD plus some days. */
export function addDays(isoDate, days) {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A duration as people say it: "2 d 3 h", "5 h 20 min", "12 min", "less than a minute". */
export function durationInWords(ms) {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/** Time to a deadline: "Due in 5 h 20 min" or "Overdue by 2 h". */
export function countdown(dueIso, now) {
  const left = new Date(dueIso).getTime() - now.getTime();
  if (left > 0) return { overdue: false, text: `Due in ${durationInWords(left)}` };
  return { overdue: true, text: `Overdue by ${durationInWords(left)}` };
}

/**
 * Baton writes the score reasons as one line, "Fit: a, b · Engagement: c" (reasonsText in Baton's scoring). Back into
 * lists; null when the text has another shape (then it is shown as it is).
 */
export function parseScoreReasons(text) {
  if (!text) return null;
  const match = /^Fit: (.*) · Engagement: (.*)$/s.exec(text.trim());
  if (!match) return null;
  const list = (part) => (part === 'no signals' ? [] : part.split(', ').filter((r) => r.trim() !== ''));
  return { fit: list(match[1]), engagement: list(match[2]) };
}

/** The messages in a UI API / LDS error, whatever its shape (read errors, DML page and field errors, JS errors). */
export function errorMessages(error) {
  const errors = (Array.isArray(error) ? error : [error]).filter(Boolean);
  const messages = errors.flatMap((e) => {
    const body = e.body;
    if (Array.isArray(body)) return body.map((b) => b.message);
    const output = body && body.output;
    const fieldMessages = (fieldErrors) =>
      Object.values(fieldErrors || {}).flatMap((list) => list.map((f) => f.message));
    if (output) {
      const pageErrors = (output.errors || []).map((o) => o.message);
      const fieldErrors = fieldMessages(output.fieldErrors);
      if (pageErrors.length || fieldErrors.length) return [...pageErrors, ...fieldErrors];
    }
    if (body && body.pageErrors && body.pageErrors.length) return body.pageErrors.map((p) => p.message);
    if (body && body.fieldErrors && Object.keys(body.fieldErrors).length)
      return fieldMessages(body.fieldErrors);
    if (body && typeof body.message === 'string') return [body.message];
    if (typeof e.message === 'string') return [e.message];
    return [e.statusText];
  });
  return [...new Set(messages.filter((m) => typeof m === 'string' && m.trim() !== ''))];
}

/** One sentence for an error, never empty. */
export function errorInWords(error) {
  const messages = errorMessages(error);
  return messages.length ? messages.join(' ') : 'Salesforce gave no reason.';
}
