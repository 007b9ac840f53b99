// The console's entry point: draws the page the server named on <body data-page> from the ops API.
import { loadError } from './components/callout.ts';
import { replace } from './dom.ts';

type PageModule = { render: (root: HTMLElement) => Promise<void> };

const PAGES: Readonly<Record<string, () => Promise<PageModule>>> = {
  overview: () => import('./pages/overviewPage.ts'),
  'sync-log': () => import('./pages/syncLogPage.ts'),
  failures: () => import('./pages/failuresPage.ts'),
  tenants: () => import('./pages/tenantsPage.ts'),
  sla: () => import('./pages/slaBoardPage.ts'),
  funnel: () => import('./pages/funnelPage.ts'),
  scorecard: () => import('./pages/scorecardPage.ts'),
  'what-if': () => import('./pages/whatIfPage.ts'),
  lead: () => import('./pages/leadTimelinePage.ts'),
};

async function start(): Promise<void> {
  const root = document.getElementById('page-root');
  const load = PAGES[document.body.dataset['page'] ?? ''];
  if (!root || !load) return;
  try {
    await (await load()).render(root);
  } catch (error) {
    replace(root, loadError(error));
  }
  root.dataset['ready'] = 'true';
}

void start();
