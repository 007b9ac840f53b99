// The Salesforce package (extensions/salesforce) against Baton's code: the generated files are current, the Lead
// fields are exactly Baton's field list, the picklists hold Baton's values, the permission sets cover every field, the
// components use only Baton's fields, the generated modules hold data only, and the rules the quick action checks
// (c/batonReturnRules, imported here as it is) are the backend's.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLA_STATUSES } from '@baton/card-api';
import * as batonFunnel from '../../../extensions/salesforce/force-app/main/default/lwc/batonFunnel/batonFunnel.js';
import * as batonReasons from '../../../extensions/salesforce/force-app/main/default/lwc/batonReasons/batonReasons.js';
import {
  blockedReason,
  checkReturn,
} from '../../../extensions/salesforce/force-app/main/default/lwc/batonReturnRules/batonReturnRules.js';
import {
  BUNDLES,
  CHANGE_EVENTS,
  CUSTOM_PERMISSION,
  INTEGRATION_PERMISSION_SET,
  PACKAGE_DIR,
  QUICK_ACTION,
  REP_PERMISSION_SET,
} from '../../../extensions/salesforce/generator/packageFiles.ts';
import {
  PROJECT_DIR,
  renderPackageFiles,
} from '../../../extensions/salesforce/generator/renderPackageFiles.ts';
import {
  SF_API_VERSION,
  SF_FIELD_SPECS,
  SF_FIELDS,
  SF_MARKETING_QUEUE,
  SF_RETURN_REQUEST,
} from '../../../src/crm/salesforce/batonFields.ts';
import { passportOf } from '../../../src/app/leadPassport.ts';
import { newLeadState } from '../../../src/domain/decide/leadState.ts';
import { defaultPolicy } from '../../../src/domain/policy/schema.ts';
import { checkReturnInput, DEFAULT_REASONS, SYSTEM_REASONS } from '../../../src/domain/reasons.ts';
import { RETURNABLE_STAGES, STAGES } from '../../../src/domain/stages.ts';

const DEFAULT_DIR = join(PROJECT_DIR, PACKAGE_DIR);
const LWC_DIR = join(DEFAULT_DIR, 'lwc');
const REPO_ROOT = join(PROJECT_DIR, '..', '..');
const read = (path: string): string => readFileSync(join(PROJECT_DIR, path), 'utf8');
const readDefault = (path: string): string => readFileSync(join(DEFAULT_DIR, path), 'utf8');

/** The texts of every `<tag>…</tag>` (not nested in itself) in a metadata file. */
const all = (xml: string, tag: string): string[] =>
  [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!.trim());
const one = (xml: string, tag: string): string | undefined => all(xml, tag)[0];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const fieldFile = (name: string) => readDefault(`objects/Lead/fields/${name}.field-meta.xml`);
const picklistOf = (name: string) =>
  all(fieldFile(name), 'value').map((v) => ({ value: one(v, 'fullName'), label: one(v, 'label') }));

describe('generated package files', () => {
  it('are current: `npm run salesforce:package` would change nothing', async () => {
    const stale = (await renderPackageFiles())
      .filter((file) => {
        const path = join(PROJECT_DIR, file.path);
        return !existsSync(path) || readFileSync(path, 'utf8') !== file.text;
      })
      .map((file) => file.path);
    expect(stale, 'run `npm run salesforce:package`').toEqual([]);
  });

  it("use Baton's Salesforce API version everywhere", () => {
    const project = JSON.parse(read('sfdx-project.json')) as { sourceApiVersion: string };
    expect(project.sourceApiVersion).toBe(SF_API_VERSION);
    const metas = filesUnder(LWC_DIR).filter((p) => p.endsWith('.js-meta.xml'));
    expect(metas.length).toBe(BUNDLES.length);
    metas.forEach((path) =>
      expect([relative(PROJECT_DIR, path), one(readFileSync(path, 'utf8'), 'apiVersion')]).toEqual([
        relative(PROJECT_DIR, path),
        SF_API_VERSION,
      ]),
    );
  });

  it('cover every LWC bundle in the package', () => {
    const folders = readdirSync(LWC_DIR).filter((name) => statSync(join(LWC_DIR, name)).isDirectory());
    expect(folders.toSorted()).toEqual(BUNDLES.map((b) => b.name).toSorted());
  });
});

describe('Lead fields', () => {
  it("are exactly Baton's field list", () => {
    const files = readdirSync(join(DEFAULT_DIR, 'objects/Lead/fields')).map((f) =>
      f.replace('.field-meta.xml', ''),
    );
    expect(files.toSorted()).toEqual(SF_FIELD_SPECS.map((s) => s.name).toSorted());
  });

  it.each(SF_FIELD_SPECS.map((s) => [s.name, s] as const))(
    '%s has the spec’s name, label and type',
    (name, spec) => {
      const xml = fieldFile(name);
      expect(one(xml, 'fullName')).toBe(spec.name);
      expect(one(xml, 'label')).toBe(spec.label);
      expect(one(xml, 'type')).toBe(spec.type);
      if (spec.length !== undefined) expect(one(xml, 'length')).toBe(String(spec.length));
      if (spec.precision !== undefined) expect(one(xml, 'precision')).toBe(String(spec.precision));
      if (spec.scale !== undefined) expect(one(xml, 'scale')).toBe(String(spec.scale));
      if (spec.type === 'LongTextArea') expect(one(xml, 'visibleLines')).toBeDefined();
      // Salesforce limits: labels 40, descriptions 1000, help 510 characters.
      expect(spec.label.length).toBeLessThanOrEqual(40);
      expect(one(xml, 'description')!.length).toBeLessThanOrEqual(1000);
      expect(one(xml, 'inlineHelpText')!.length).toBeLessThanOrEqual(510);
    },
  );

  it("Baton_Stage__c holds Baton's stages", () => {
    expect(picklistOf(SF_FIELDS.stage).map((v) => v.value)).toEqual([...STAGES]);
  });

  it('Baton_SLA_Status__c holds the SLA statuses', () => {
    expect(picklistOf(SF_FIELDS.slaStatus).map((v) => v.value)).toEqual([...SLA_STATUSES]);
  });

  it('Baton_Return_Reason__c holds the reasons reps may pick, and only those', () => {
    expect(picklistOf(SF_RETURN_REQUEST.reason)).toEqual(
      DEFAULT_REASONS.filter((r) => r.repSelectable).map((r) => ({ value: r.code, label: r.label })),
    );
  });

  it('every picklist is restricted and has a value list', () => {
    SF_FIELD_SPECS.filter((s) => s.type === 'Picklist').forEach((spec) => {
      expect([spec.name, one(fieldFile(spec.name), 'restricted')]).toEqual([spec.name, 'true']);
      expect(picklistOf(spec.name).length).toBeGreaterThan(0);
    });
  });
});

describe('permission sets', () => {
  const permissions = (name: string) => {
    const xml = readDefault(`permissionsets/${name}.permissionset-meta.xml`);
    return {
      xml,
      fields: Object.fromEntries(
        all(xml, 'fieldPermissions').map((p) => [
          one(p, 'field'),
          { readable: one(p, 'readable') === 'true', editable: one(p, 'editable') === 'true' },
        ]),
      ),
    };
  };
  const requestFields = new Set<string>(Object.values(SF_RETURN_REQUEST));

  it('let reps read every Baton field and edit only the return request', () => {
    const { xml, fields } = permissions(REP_PERMISSION_SET);
    expect(Object.keys(fields).toSorted()).toEqual(SF_FIELD_SPECS.map((s) => `Lead.${s.name}`).toSorted());
    SF_FIELD_SPECS.forEach((s) =>
      expect([s.name, fields[`Lead.${s.name}`]]).toEqual([
        s.name,
        { readable: true, editable: requestFields.has(s.name) },
      ]),
    );
    // The quick action's use: the custom permission it checks.
    expect(all(xml, 'customPermissions').map((c) => [one(c, 'name'), one(c, 'enabled')])).toEqual([
      [CUSTOM_PERMISSION, 'true'],
    ]);
    expect(
      existsSync(join(DEFAULT_DIR, `customPermissions/${CUSTOM_PERMISSION}.customPermission-meta.xml`)),
    ).toBe(true);
    const component = readDefault('lwc/returnToMarketing/returnToMarketing.js');
    expect(component).toContain(`@salesforce/customPermission/${CUSTOM_PERMISSION}'`);
  });

  it("let Baton's integration user edit every Baton field and see every lead", () => {
    const { xml, fields } = permissions(INTEGRATION_PERMISSION_SET);
    expect(Object.keys(fields).toSorted()).toEqual(SF_FIELD_SPECS.map((s) => `Lead.${s.name}`).toSorted());
    Object.values(fields).forEach((f) => expect(f).toEqual({ readable: true, editable: true }));
    const lead = all(xml, 'objectPermissions').find((o) => one(o, 'object') === 'Lead')!;
    expect([one(lead, 'allowRead'), one(lead, 'allowEdit'), one(lead, 'viewAllRecords')]).toEqual([
      'true',
      'true',
      'true',
    ]);
  });
});

describe('the other metadata', () => {
  it('registers the quick action on Lead with the screen-action component', () => {
    const action = readDefault(`quickActions/Lead.${QUICK_ACTION}.quickAction-meta.xml`);
    expect(one(action, 'type')).toBe('LightningWebComponent');
    expect(one(action, 'actionSubtype')).toBe('ScreenAction');
    const bundle = one(action, 'lightningWebComponent')!;
    const meta = readDefault(`lwc/${bundle}/${bundle}.js-meta.xml`);
    expect(all(meta, 'target')).toEqual(['lightning__RecordAction']);
    expect(one(meta, 'actionType')).toBe('ScreenAction');
    expect(one(meta, 'isExposed')).toBe('true');
  });

  it('puts the funnel card on Lead record pages', () => {
    const meta = readDefault('lwc/batonFunnelCard/batonFunnelCard.js-meta.xml');
    expect(all(meta, 'target')).toEqual(['lightning__RecordPage']);
    expect(all(meta, 'object')).toEqual(['Lead']);
  });

  it('selects the change events the worker consumes on the standard channel', () => {
    CHANGE_EVENTS.forEach((entity) => {
      const xml = readDefault(
        `platformEventChannelMembers/ChangeEvents_${entity}.platformEventChannelMember-meta.xml`,
      );
      expect([one(xml, 'eventChannel'), one(xml, 'selectedEntity')]).toEqual(['ChangeEvents', entity]);
    });
    expect(CHANGE_EVENTS).toContain('LeadChangeEvent');
  });

  it("ships Baton's marketing queue for leads", () => {
    const xml = readDefault(`queues/${SF_MARKETING_QUEUE}.queue-meta.xml`);
    expect(all(xml, 'sobjectType')).toEqual(['Lead']);
  });
});

describe('the components', () => {
  const sources = filesUnder(LWC_DIR).filter((p) => p.endsWith('.js') && !p.includes('__tests__'));
  const leadFieldsOf = (source: string) =>
    [...source.matchAll(/@salesforce\/schema\/Lead\.(\w+)'/g)].map((m) => m[1]!);

  it("use only Baton's fields among the custom ones", () => {
    const known = new Set(SF_FIELD_SPECS.map((s) => s.name));
    const used = sources
      .flatMap((p) => leadFieldsOf(readFileSync(p, 'utf8')))
      .filter((f) => f.endsWith('__c'));
    expect(used.filter((f) => !known.has(f))).toEqual([]);
  });

  it('the quick action reads the stage and writes the whole return request', () => {
    const fields = leadFieldsOf(readDefault('lwc/returnToMarketing/returnToMarketing.js'));
    expect(fields).toEqual(expect.arrayContaining([SF_FIELDS.stage, ...Object.values(SF_RETURN_REQUEST)]));
  });

  it('the funnel card reads every field Baton writes', () => {
    const fields = leadFieldsOf(readDefault('lwc/batonFunnelCard/batonFunnelCard.js'));
    expect(fields).toEqual(expect.arrayContaining(Object.values(SF_FIELDS)));
  });
});

describe('the generated modules', () => {
  it.each([
    ['batonReasons', batonReasons],
    ['batonFunnel', batonFunnel],
  ])('%s holds data only: constants, no functions', (name, module) => {
    expect(BUNDLES.find((b) => b.name === name)?.data).toBeDefined();
    Object.entries(module).forEach(([key, value]) =>
      expect([key, typeof value]).not.toEqual([key, 'function']),
    );
    const code = readDefault(`lwc/${name}/${name}.js`)
      .replace(/\/\*\*[\s\S]*?\*\//g, '')
      .replace(/^\/\/.*$/gm, '');
    expect(code).not.toMatch(/\bfunction\b|=>|\bclass\b|\bimport\b/);
  });

  it('the quick action and the simulated reps (through the sandbox org’s quick action) take their rules from c/batonReturnRules, written by hand', () => {
    const rules = BUNDLES.find((b) => b.name === 'batonReturnRules');
    expect(rules).toMatchObject({ name: 'batonReturnRules' });
    expect(rules?.data).toBeUndefined();
    expect(rules?.exposed).toBeUndefined();
    const source = readDefault('lwc/batonReturnRules/batonReturnRules.js');
    // Plain values in, so Node loads it as it is: no c/… (or any other) import.
    expect(source).not.toMatch(/^\s*import\b/m);
    expect(readDefault('lwc/returnToMarketing/returnToMarketing.js')).toContain("from 'c/batonReturnRules'");
    const quickAction = readFileSync(
      join(PROJECT_DIR, '../../sandbox/salesforce/quickActionReturn.ts'),
      'utf8',
    );
    expect(quickAction).toContain('/lwc/batonReturnRules/batonReturnRules.js');
    const sim = readFileSync(join(PROJECT_DIR, '../../sandbox/simulation/salesforceReturns.ts'), 'utf8');
    expect(sim).toContain("from '../salesforce/quickActionReturn.ts'");
  });
});

describe("the reason rules inside Salesforce are the backend's", () => {
  it('offers the rep-selectable reasons with their rules', () => {
    expect(batonReasons.REP_REASONS).toEqual(
      DEFAULT_REASONS.filter((r) => r.repSelectable).map((r) => ({
        code: r.code,
        label: r.label,
        bucket: r.bucket,
        noteRequired: r.noteRequired,
        reengageDateAllowed: r.reengageDateAllowed,
      })),
    );
    expect(batonReasons.RETURNABLE_STAGES).toEqual([...RETURNABLE_STAGES]);
    const labels: Record<string, string> = batonReasons.REASON_LABELS;
    Object.values(SYSTEM_REASONS).forEach((code) => expect(labels[code]).toBeDefined());
  });

  const today = '2026-11-24';
  // The backend reads a date as the start of that day; "now" is during the rep's today.
  const now = new Date(`${today}T12:00:00Z`);
  const notes = [undefined, '', '   ', 'Talked to them'];
  const dates = [undefined, '2026-11-23', today, '2026-11-25', '2027-06-01'];
  const codes = [...DEFAULT_REASONS.map((r) => r.code), 'made_up'];
  const cases = codes.flatMap((reason) =>
    notes.flatMap((note) => dates.map((reengageAt) => ({ reason, note, reengageAt }))),
  );

  it(`agree with checkReturnInput on ${cases.length} returns`, () => {
    cases.forEach((input) => {
      const backend = checkReturnInput(
        DEFAULT_REASONS,
        {
          reason: input.reason,
          note: input.note,
          reengageAt: input.reengageAt ? new Date(`${input.reengageAt}T00:00:00Z`) : undefined,
        },
        now,
      );
      expect([input, checkReturn(input, today, batonReasons.REP_REASONS)]).toEqual([input, backend]);
    });
  });

  it.each([...STAGES])("let a rep return a lead in stage %s exactly when Baton's passport does", (stage) => {
    const at = new Date(0);
    const passport = passportOf(newLeadState('x', at, { stage }), [], defaultPolicy(), at);
    const lead = { converted: false, batonFieldsVisible: true, stage, requestedAt: null };
    const stages = {
      returnableStages: batonReasons.RETURNABLE_STAGES,
      notReturnableWhy: batonReasons.NOT_RETURNABLE_WHY,
    };
    expect(blockedReason({ hasPermission: true, lead }, stages)).toBe(passport.notReturnableWhy);
  });
});

describe('the package install', () => {
  const pkg = JSON.parse(read('package.json')) as {
    scripts: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  // The SFDX project is an npm workspace of the repository: one lock file, at the root, installs both.
  const root = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    workspaces: string[];
    allowScripts: Record<string, boolean>;
    scripts: Record<string, string>;
  };
  const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<
      string,
      { integrity?: string; resolved?: string; link?: boolean; hasInstallScript?: boolean }
    >;
  };

  it("runs the LWC tests with sfdx-lwc-jest, installed by the repository's own npm install", () => {
    expect(pkg.scripts['test']).toBe('sfdx-lwc-jest');
    expect(Object.keys(pkg.devDependencies)).toContain('@salesforce/sfdx-lwc-jest');
    expect(root.workspaces).toContain('extensions/salesforce');
    expect(root.scripts['test:lwc']).toBe('npm test --workspace extensions/salesforce');
    expect(lock.packages['node_modules/@salesforce/sfdx-lwc-jest']).toBeDefined();
  });

  it('takes registry tarballs only; install scripts only where the repository allows them', () => {
    const entries = Object.entries(lock.packages).filter(
      ([path, p]) =>
        path !== '' &&
        path !== 'extensions/salesforce' &&
        !(p.link && path === 'node_modules/baton-salesforce'),
    );
    expect(entries.length).toBeGreaterThan(0);
    const paths = (keep: (p: (typeof entries)[number][1]) => boolean) =>
      entries.filter(([, p]) => keep(p)).map(([path]) => path);
    const scripted = paths((p) => Boolean(p.hasInstallScript)).map((path) =>
      path.replace(/^.*node_modules\//, ''),
    );
    expect(scripted.filter((name) => !(name in root.allowScripts))).toEqual([]);
    expect(paths((p) => Boolean(p.link) || !p.integrity?.startsWith('sha512-'))).toEqual([]);
    expect(
      paths((p) => p.resolved !== undefined && !p.resolved.startsWith('https://registry.npmjs.org/')),
    ).toEqual([]);
  });
});
