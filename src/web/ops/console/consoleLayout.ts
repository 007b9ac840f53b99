// The HTML shell every console page shares: top bar with the tenant picker, navigation, and the element the
// page's client script fills from the ops API. The server renders no numbers: they all come from the API.
import { escapeHtml } from '../../page.ts';
import { CONSOLE_PAGES, type ConsolePage } from './consolePages.ts';

export const ASSETS = '/ops/assets';

function navLinks(current: ConsolePage): string {
  const active = current.id === 'lead' ? 'sync-log' : current.id;
  return CONSOLE_PAGES.filter((p) => p.nav)
    .map((p) => {
      const href = `/ops${p.path === '/' ? '' : p.path}`;
      const here = p.id === active ? ' aria-current="page"' : '';
      return `<a href="${href}" data-nav="${p.id}"${here}>${escapeHtml(p.nav ?? p.title)}</a>`;
    })
    .join('');
}

/** Signing out is a change like any other: a same-origin form with the session's CSRF token. */
const signOutForm = (action: string, label: string, csrf: string) =>
  `<form method="post" action="${action}" class="signout"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}"><button type="submit">${label}</button></form>`;

/**
 * `data` lands on <body> as data-* attributes (the lead page's tenant and lead ids); `csrf` is the session's
 * CSRF token, in a meta tag the client's API calls read and in the sign-out forms.
 */
export function consoleHtml(
  page: ConsolePage,
  data: Readonly<Record<string, string>> = {},
  csrf = '',
): string {
  const attrs = Object.entries(data)
    .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · Baton ops</title>
<link rel="icon" href="data:,">
<meta name="baton-csrf" content="${escapeHtml(csrf)}">
<link rel="stylesheet" href="${ASSETS}/console.css">
${page.charts ? `<script src="${ASSETS}/chart.umd.min.js" defer></script>` : ''}
<script type="module" src="${ASSETS}/js/main.ts"></script>
</head>
<body data-page="${page.id}"${attrs}>
<header class="topbar">
  <a class="brand" href="/ops">Baton <span>ops</span></a>
  <label class="tenant-picker"><span>Tenant</span><select id="tenant-select" aria-label="Tenant" disabled><option>Loading…</option></select></label>
  ${signOutForm('/ops/logout', 'Sign out', csrf)}
  ${signOutForm('/ops/logout-everywhere', 'Sign out everywhere', csrf)}
</header>
<nav class="sidenav" aria-label="Console">${navLinks(page)}</nav>
<main>
  <header class="page-head"><h1>${escapeHtml(page.title)}</h1><p class="lede">${escapeHtml(page.lede)}</p></header>
  <div id="page-root" aria-live="polite"><p class="loading">Loading…</p></div>
  <noscript><p class="callout callout-error">The console needs JavaScript: its pages are drawn from the ops API.</p></noscript>
</main>
</body></html>`;
}
