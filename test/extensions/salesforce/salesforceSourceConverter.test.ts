// Salesforce's own source converter (@salesforce/source-deploy-retrieve, what `sf project deploy start` and package
// builds use) reads the package: every file resolves to a metadata component, the External Client App and its
// OAuth settings included; it converts to the Metadata API format; and the consumer secrets' file never goes in.
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CHANGE_EVENTS,
  ECA_SCOPES,
  EXTERNAL_CLIENT_APP,
  PACKAGE_DIR,
} from '../../../extensions/salesforce/generator/packageFiles.ts';
import { PROJECT_DIR } from '../../../extensions/salesforce/generator/renderPackageFiles.ts';
import { SALESFORCE_SCOPES } from '../../../src/crm/salesforce/oauth.ts';

const scratch = mkdtempSync(join(tmpdir(), 'baton-sfdx-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const componentsOf = (projectDir: string) =>
  ComponentSet.fromSource(join(projectDir, 'force-app'))
    .getSourceComponents()
    .toArray()
    .map((c) => `${c.type.name}:${c.fullName}`);

describe("Salesforce's source converter", () => {
  it('resolves the package, the External Client App and its OAuth settings included', () => {
    const components = componentsOf(PROJECT_DIR);
    expect(components).toContain(`ExternalClientApplication:${EXTERNAL_CLIENT_APP}`);
    expect(components).toContain(`ExtlClntAppOauthSettings:${EXTERNAL_CLIENT_APP}_oauth`);
    for (const entity of CHANGE_EVENTS)
      expect(components).toContain(`PlatformEventChannelMember:ChangeEvents_${entity}`);
    expect(components.filter((c) => c.startsWith('ExtlClntAppGlobalOauthSettings:'))).toEqual([]);
  });

  it('converts it to the Metadata API format with the app in package.xml', async () => {
    const out = join(scratch, 'mdapi');
    await new MetadataConverter().convert(
      ComponentSet.fromSource(join(PROJECT_DIR, 'force-app')),
      'metadata',
      {
        type: 'directory',
        outputDirectory: out,
        genUniqueDir: false,
      },
    );
    const manifest = readFileSync(join(out, 'package.xml'), 'utf8');
    expect(manifest).toContain('<name>ExternalClientApplication</name>');
    expect(manifest).toContain('<name>ExtlClntAppOauthSettings</name>');
    const header = readFileSync(join(out, 'externalClientApps', `${EXTERNAL_CLIENT_APP}.eca`), 'utf8');
    expect(header).toContain('<distributionState>Packaged</distributionState>');
    const oauth = readFileSync(
      join(out, 'extlClntAppOauthSettings', `${EXTERNAL_CLIENT_APP}_oauth.ecaOauth`),
      'utf8',
    );
    expect(oauth).toContain(`<externalClientApplication>${EXTERNAL_CLIENT_APP}</externalClientApplication>`);
    // The scopes the app allows are the ones Baton's authorize URL asks for.
    const scopes = /<commaSeparatedOauthScopes>([^<]*)</
      .exec(oauth)?.[1]
      ?.split(',')
      .map((s) => s.trim());
    expect(scopes).toEqual(ECA_SCOPES);
    expect(ECA_SCOPES).toHaveLength(SALESFORCE_SCOPES.length);
  });

  it('leaves out the consumer secrets and the installing org’s policies when a retrieve brings them', () => {
    const copy = join(scratch, 'project');
    for (const f of ['sfdx-project.json', '.forceignore', 'force-app'])
      cpSync(join(PROJECT_DIR, f), join(copy, f), { recursive: true });
    const put = (dir: string, file: string, root: string) => {
      mkdirSync(join(copy, PACKAGE_DIR, dir), { recursive: true });
      writeFileSync(
        join(copy, PACKAGE_DIR, dir, file),
        `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://soap.sforce.com/2006/04/metadata">\n    <externalClientApplication>${EXTERNAL_CLIENT_APP}</externalClientApplication>\n    <label>x</label>\n</${root}>\n`,
      );
    };
    put('extlClntAppGlobalOauthSets', 'Baton_glbl.ecaGlblOauth-meta.xml', 'ExtlClntAppGlobalOauthSettings');
    put(
      'extlClntAppOauthPolicies',
      'Baton_plcy.ecaOauthPlcy-meta.xml',
      'ExtlClntAppOauthConfigurablePolicies',
    );
    const components = componentsOf(copy);
    expect(components).toContain(`ExternalClientApplication:${EXTERNAL_CLIENT_APP}`);
    expect(components.filter((c) => /GlobalOauth|OauthConfigurablePolicies/.test(c))).toEqual([]);
    // Without the ignore rules the converter would take them: the check above is about .forceignore.
    writeFileSync(join(copy, '.forceignore'), '**/__tests__/**\n');
    expect(componentsOf(copy).filter((c) => /GlobalOauth|OauthConfigurablePolicies/.test(c))).toHaveLength(2);
  });
});
