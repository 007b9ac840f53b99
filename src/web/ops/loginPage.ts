// The console's sign-in page: the ops token, and where to go after (a console path).
import { escapeHtml } from '../page.ts';

export function loginPage(opts: { error?: string; next?: string } = {}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Baton ops</title>
<style>body{font:16px/1.5 system-ui,sans-serif;background:#f5f6f8;color:#1d2939;display:grid;place-items:center;min-height:100vh;margin:0}
form{background:#fff;padding:2rem;border-radius:12px;box-shadow:0 1px 3px #0002;width:min(22rem,90vw)}
h1{font-size:1.25rem;margin:0 0 1rem}label{display:block;font-weight:600;margin-bottom:.25rem}
input{width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #cdd5df;border-radius:8px;font:inherit}
button{margin-top:1rem;width:100%;padding:.6rem;border:0;border-radius:8px;background:#1f4fd1;color:#fff;font-weight:600;font:inherit;cursor:pointer}
.error{color:#b42318;margin:.5rem 0 0}</style></head>
<body><form method="post" action="/ops/login"><h1>Baton ops console</h1>
<label for="token">Ops token</label><input id="token" name="token" type="password" autocomplete="current-password" autofocus required>
<input type="hidden" name="next" value="${escapeHtml(opts.next ?? '/ops')}">
${opts.error ? `<p class="error" role="alert">${escapeHtml(opts.error)}</p>` : ''}
<button type="submit">Sign in</button></form></body></html>`;
}
