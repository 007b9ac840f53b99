// The HubSpot developer project (extensions/hubspot) as `hs project upload` would read it: parsed with HubSpot's own
// parser, checked against the rules it applies offline, and against Baton's code — the scopes it uses, the events
// its worker consumes, the routes it serves — and the generated files must be current.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { Components, INTERNAL_TYPE_TO_USER_FACING } from '@hubspot/project-parsing-lib/constants';
import {
  getProjectMetadata,
  isKnownPlatformVersion,
  isLegacyProject,
  parseProjectConfig,
} from '@hubspot/project-parsing-lib/projects';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { validateUid } from '@hubspot/project-parsing-lib/uid';
import {
  collectFileDependencies,
  collectWorkspaceDirectories,
  findAndParsePackageJsonFiles,
  validateWorkspaceProtocolDependencies,
} from '@hubspot/project-parsing-lib/workspaces';
import { describe, expect, it } from 'vitest';
import { BATON_CARD_API_URL } from '@baton/card-api';
import {
  BATON_ROUTES,
  CARDS,
  PLATFORM_VERSION,
  SETTINGS_ENTRYPOINT,
} from '../../../extensions/hubspot/generator/projectFiles.ts';
import {
  DEFAULT_PROJECT_SETTINGS,
  projectSettingsFromEnv,
} from '../../../extensions/hubspot/generator/projectSettings.ts';
import { PROJECT_DIR, renderProjectFiles } from '../../../extensions/hubspot/generator/renderProjectFiles.ts';
import { webhookSubscriptions } from '../../../extensions/hubspot/generator/webhookSubscriptions.ts';
import { BATON_PROPERTY_NAMES } from '../../../src/crm/hubspot/batonProperties.ts';
import { WATCHED_PROPERTIES } from '../../../src/crm/hubspot/contactMapping.ts';
import { LEAD_OBJECT_TYPE_ID, WATCHED_LEAD_PROPERTIES } from '../../../src/crm/hubspot/leadRecordMapping.ts';
import { HUBSPOT_OPTIONAL_SCOPES, HUBSPOT_SCOPES } from '../../../src/crm/hubspot/oauth.ts';
import { hubspotEventSchema, toInboundChange } from '../../../src/crm/hubspot/webhooks.ts';
import { createLogger } from '../../../src/logger.ts';
import type { ConnectDeps } from '../../../src/app/connectCrm.ts';
import type { ChangeIngest } from '../../../src/app/ingestChanges.ts';
import type { TokenVault } from '../../../src/crm/accessTokens.ts';
import { hubspotProvider } from '../../../src/crm/hubspot/provider.ts';
import type { Executor } from '../../../src/store/executor.ts';
import { createApp } from '../../../src/web/app.ts';

const SRC_DIR = join(PROJECT_DIR, 'src');
const APP_DIR = join(SRC_DIR, 'app');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(PROJECT_DIR, path), 'utf8'));

interface AppConfig {
  distribution: string;
  auth: {
    type: string;
    redirectUrls: string[];
    requiredScopes: string[];
    optionalScopes: string[];
    conditionallyRequiredScopes: string[];
  };
  permittedUrls: { fetch: string[]; iframe: string[]; img: string[] };
  support: Record<string, string>;
}
const app = readJson('src/app/app-hsmeta.json') as { uid: string; config: AppConfig };
const webhooks = readJson('src/app/webhooks/webhooks-hsmeta.json') as {
  config: { settings: { targetUrl: string }; subscriptions: unknown };
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('generated project files', () => {
  it('are current: `npm run hubspot:project` would change nothing', async () => {
    const stale = (await renderProjectFiles(DEFAULT_PROJECT_SETTINGS))
      .filter((file) => {
        const path = join(PROJECT_DIR, file.path);
        return !existsSync(path) || readFileSync(path, 'utf8') !== file.text;
      })
      .map((file) => file.path);
    expect(stale, 'stale: run `npm run hubspot:project`').toEqual([]);
  });

  it('take every URL from BATON_PUBLIC_URL', async () => {
    const parsed = projectSettingsFromEnv({
      BATON_PUBLIC_URL: 'https://baton.acme.io/',
      BATON_SUPPORT_EMAIL: 'help@acme.io',
      BATON_SUPPORT_URL: 'https://acme.io/help',
      BATON_DOCUMENTATION_URL: 'https://acme.io/docs',
    });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const text = (await renderProjectFiles(parsed.settings)).map((f) => f.text).join('\n');
    expect(text).not.toContain('example.com');
    expect(text).toContain('"https://baton.acme.io/oauth/hubspot/callback"');
    expect(text).toContain('"fetch": ["https://baton.acme.io"]');
    expect(text).toContain('"targetUrl": "https://baton.acme.io/webhooks/hubspot"');
    expect(text).toContain("BATON_CARD_API_URL = 'https://baton.acme.io/api/hubspot'");
  });

  it.each([
    [
      { BATON_PUBLIC_URL: 'http://baton.acme.io' },
      'BATON_SUPPORT_EMAIL: required when BATON_PUBLIC_URL is set',
    ],
    [
      {
        BATON_PUBLIC_URL: 'http://baton.acme.io',
        BATON_SUPPORT_EMAIL: 'help@acme.io',
        BATON_SUPPORT_URL: 'https://acme.io/help',
        BATON_DOCUMENTATION_URL: 'https://acme.io/docs',
      },
      'BATON_PUBLIC_URL: must be an https:// URL (HubSpot only fetches over https)',
    ],
  ])('refuse settings HubSpot or the marketplace would refuse: %o', (env, problem) => {
    const parsed = projectSettingsFromEnv(env);
    expect(parsed.ok ? [] : parsed.problems).toContain(problem);
  });
});

describe("HubSpot's project parser", () => {
  it('reads hsproject.json: a known, current platform version', () => {
    const config = parseProjectConfig(PROJECT_DIR);
    expect(config).toEqual({ name: 'baton', srcDir: 'src', platformVersion: PLATFORM_VERSION });
    expect(isKnownPlatformVersion(config.platformVersion)).toBe(true);
    expect(isLegacyProject(config.platformVersion)).toBe(false);
  });

  it('translates the whole project: one app, two cards, a settings page and webhooks, all children of the app', async () => {
    // Schema validation needs an account (it downloads HubSpot's component schemas); the parse itself is offline.
    const { intermediateRepresentation, skippedHsMetaFiles } = await translate(
      { projectSourceDir: SRC_DIR, platformVersion: PLATFORM_VERSION },
      { skipValidation: true },
    );
    expect(skippedHsMetaFiles).toEqual([]);
    const nodes = Object.values(intermediateRepresentation.intermediateNodesIndexedByUid);
    expect(Object.fromEntries(nodes.map((n) => [n.uid, n.componentType]))).toEqual({
      baton_app: 'APPLICATION',
      baton_return_to_marketing: 'CARD',
      baton_funnel_passport: 'CARD',
      baton_settings: 'SETTINGS',
      baton_webhooks: 'WEBHOOKS',
    });
    for (const node of nodes.filter((n) => n.uid !== app.uid))
      expect(node.componentDeps['app']).toBe(app.uid);

    // What HubSpot's validator checks before the schemas: uids, top-level fields, directories, singular components.
    for (const node of nodes) {
      expect(validateUid(node.uid), node.uid).toBeUndefined();
      expect(Object.keys(readJson(join('src', node.metaFilePath)) as object).sort()).toEqual([
        'config',
        'type',
        'uid',
      ]);
      const type = INTERNAL_TYPE_TO_USER_FACING[node.componentType] ?? node.componentType.toLowerCase();
      const component = Components[type];
      expect(component, type).toBeDefined();
      const parent = component?.parentComponent ? (Components[component.parentComponent]?.dir ?? '') : '';
      expect(dirname(node.metaFilePath), node.uid).toBe(join(parent, component?.dir ?? ''));
    }
    const metadata = await getProjectMetadata(SRC_DIR);
    for (const [type, { count, maxCount }] of Object.entries(metadata.components)) {
      expect(count, type).toBeLessThanOrEqual(maxCount);
    }
  });

  it('resolves the npm workspaces the cards and the settings page share code through', async () => {
    const packages = await findAndParsePackageJsonFiles(SRC_DIR);
    const workspaces = await collectWorkspaceDirectories(packages);
    expect(workspaces.map((w) => relative(realpathSync(APP_DIR), w.workspaceDir)).sort()).toEqual([
      'cards',
      'packages/card-api',
      'settings',
    ]);
    expect(() => validateWorkspaceProtocolDependencies(packages, workspaces)).not.toThrow();
    expect(await collectFileDependencies(packages)).toEqual([]);
  });
});

describe('the project matches Baton', () => {
  it('every card and the settings page have their entrypoint, registered for their location', () => {
    const entries = [
      ...CARDS.map((c) => ({ entrypoint: c.entrypoint, location: c.location })),
      { entrypoint: SETTINGS_ENTRYPOINT, location: 'settings' },
    ];
    for (const { entrypoint, location } of entries) {
      const file = join(SRC_DIR, entrypoint);
      expect(existsSync(file), entrypoint).toBe(true);
      expect(readFileSync(file, 'utf8')).toContain(`hubspot.extend<'${location}'>(`);
    }
  });

  it('a marketplace app with OAuth asking for exactly the scopes Baton uses', () => {
    const { auth, distribution } = app.config;
    expect(distribution).toBe('marketplace');
    expect(auth.type).toBe('oauth');
    expect(auth.requiredScopes).toEqual([...HUBSPOT_SCOPES]);
    expect(new Set(auth.requiredScopes).size).toBe(auth.requiredScopes.length);
    // The Leads object needs Sales Hub Professional: asked for, not required, so any portal can install.
    expect(auth.optionalScopes).toEqual([...HUBSPOT_OPTIONAL_SCOPES]);
    expect(auth.conditionallyRequiredScopes).toEqual([]);
    expect(auth.redirectUrls).toEqual([`${DEFAULT_PROJECT_SETTINGS.publicUrl}${BATON_ROUTES.oauthCallback}`]);
    expect(Object.keys(app.config.support).sort()).toEqual([
      'documentationUrl',
      'supportEmail',
      'supportUrl',
    ]);
  });

  it('the cards may fetch exactly Baton, over https', () => {
    const { fetch, iframe, img } = app.config.permittedUrls;
    expect(fetch).toEqual([DEFAULT_PROJECT_SETTINGS.publicUrl]);
    expect([...iframe, ...img]).toEqual([]);
    expect(BATON_CARD_API_URL).toBe(`${fetch[0]}${BATON_ROUTES.cardApi}`);
    expect(new URL(BATON_CARD_API_URL).protocol).toBe('https:');
  });

  it('subscribes to exactly the events the worker consumes, one property change per watched property', () => {
    expect(webhooks.config.subscriptions).toEqual(webhookSubscriptions());
    expect(webhooks.config.settings.targetUrl).toBe(
      `${DEFAULT_PROJECT_SETTINGS.publicUrl}${BATON_ROUTES.webhooks}`,
    );
    const { legacyCrmObjects, hubEvents } = webhookSubscriptions();
    const kinds = [...legacyCrmObjects, ...hubEvents].map((s) => {
      const event = hubspotEventSchema.parse({
        eventId: 1,
        portalId: 1,
        occurredAt: 1_700_000_000_000,
        objectId: 5,
        subscriptionType: s.subscriptionType,
        ...('propertyName' in s && { propertyName: s.propertyName }),
      });
      const change = toInboundChange(event, null);
      expect(change, `${s.subscriptionType} ${'propertyName' in s ? s.propertyName : ''}`).not.toBeNull();
      return change?.kind === 'deleted' ? `deleted${change.privacy ? ' (privacy)' : ''}` : change?.kind;
    });
    expect(new Set(kinds)).toEqual(new Set(['changed', 'deleted', 'deleted (privacy)', 'merged']));
    // The Leads object's generic events, as HubSpot sends them (objectTypeId 0-136): each one a Lead-record change.
    const { crmObjects } = webhookSubscriptions();
    expect(crmObjects.length).toBeGreaterThan(0);
    for (const s of crmObjects) {
      const event = hubspotEventSchema.parse({
        eventId: 1,
        portalId: 1,
        occurredAt: 1_700_000_000_000,
        objectId: 9,
        objectTypeId: LEAD_OBJECT_TYPE_ID,
        subscriptionType: s.subscriptionType,
        ...(s.propertyName && { propertyName: s.propertyName }),
      });
      expect(toInboundChange(event, null), `${s.subscriptionType} ${s.propertyName ?? ''}`).toMatchObject({
        kind: 'related',
        objectType: 'lead_record',
        deleted: s.subscriptionType === 'object.deletion',
      });
    }
    expect(crmObjects.flatMap((s) => (s.propertyName ? [s.propertyName] : []))).toEqual([
      ...WATCHED_LEAD_PROPERTIES,
    ]);
    const watched = legacyCrmObjects.flatMap((s) => (s.propertyName ? [s.propertyName] : []));
    expect(watched).toEqual([...WATCHED_PROPERTIES]);
    expect(watched.filter((p) => BATON_PROPERTY_NAMES.includes(p))).toEqual([]);
  });

  it('Baton serves the routes HubSpot is given (an unsigned call is refused, not unknown)', async () => {
    const signed = {
      db: {} as Executor,
      clientSecret: 'secret',
      publicUrl: 'https://baton.example.com',
      now: () => new Date(),
    };
    const server = createApp({
      log: createLogger('silent'),
      isReady: async () => true,
      crms: {
        providers: [
          hubspotProvider(
            {
              clientId: 'c',
              clientSecret: 'secret',
              appId: null,
              apiBaseUrl: 'http://x',
              authorizeUrl: 'http://x',
            },
            { vault: {} as TokenVault, now: () => new Date(), onCall: () => undefined },
          ),
        ],
        connect: {} as ConnectDeps,
        webhooks: { ingest: {} as ChangeIngest, publicUrl: signed.publicUrl, now: signed.now },
      },
      hubspotCards: {
        ...signed,
        enqueueFlush: async () => undefined,
        crmFor: () => Promise.reject(new Error('not part of this path')),
      },
    }).listen(0, '127.0.0.1');
    await new Promise((done) => server.once('listening', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const webhook = await fetch(`${base}${BATON_ROUTES.webhooks}`, { method: 'POST', body: '[]' });
      const cardApi = await fetch(`${base}${BATON_ROUTES.cardApi}/reasons?portalId=1&userId=1`);
      const callback = await fetch(`${base}${BATON_ROUTES.oauthCallback}?error=x`);
      expect([webhook.status, cardApi.status]).toEqual([401, 401]);
      expect(callback.status).not.toBe(404);
    } finally {
      server.close();
    }
  });

  it('extension code imports only from inside its own extension or its declared packages', () => {
    const roots = ['cards', 'settings', 'packages/card-api'].map((dir) => join(APP_DIR, dir));
    for (const root of roots) {
      const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<
        string,
        Record<string, string> | undefined
      >;
      const declared = new Set([
        ...Object.keys(manifest['dependencies'] ?? {}),
        ...Object.keys(manifest['peerDependencies'] ?? {}),
      ]);
      for (const file of filesUnder(root).filter((f) => /\.tsx?$/.test(f))) {
        const specifiers = [
          ...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm),
        ].map((m) => m[1] ?? '');
        for (const specifier of specifiers) {
          const where = `${relative(PROJECT_DIR, file)} imports ${specifier}`;
          if (specifier.startsWith('.')) {
            // HubSpot builds each extension on its own: a file outside it is missing once deployed.
            expect(resolve(dirname(file), specifier).startsWith(`${root}/`), where).toBe(true);
          } else {
            expect(declared.has(specifier), where).toBe(true);
          }
        }
      }
    }
  });

  it('the cards and the settings page pin the UI packages Baton tests with', () => {
    const root = JSON.parse(readFileSync(join(PROJECT_DIR, '../../package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const shared = readJson('src/app/packages/card-api/package.json') as { version: string };
    for (const extension of ['cards', 'settings']) {
      const { dependencies } = readJson(`src/app/${extension}/package.json`) as {
        dependencies: Record<string, string>;
      };
      expect(dependencies).toEqual({
        '@baton/card-api': shared.version,
        '@hubspot/ui-extensions': root.devDependencies['@hubspot/ui-extensions'],
        react: root.devDependencies['react'],
      });
    }
  });
});
