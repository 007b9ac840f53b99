// The org's lead assignment rule as its sales ops would set it up for the simulation: territories by country
// (North America, Europe, the rest of the world), one rep each, replacing the sandbox's "everything to the
// first rep" rule. Web-to-lead runs the active rule, so each new lead arrives owned by its territory's rep.
import type { Org } from '../salesforce/index.ts';
import type { OrgRep } from './salesforceContext.ts';

const TERRITORIES: ReadonlyArray<{ name: string; countries: readonly string[] | null }> = [
  { name: 'North America', countries: ['United States', 'Canada', 'Mexico'] },
  {
    name: 'Europe',
    countries: ['United Kingdom', 'Germany', 'France', 'Netherlands', 'Spain', 'Sweden', 'Poland'],
  },
  // The last entry has no criteria: everything else.
  { name: 'Rest of world', countries: null },
];

/** Activates the territory rule (one territory per rep, in rep order; with fewer reps the last takes the rest). */
export function assignTerritories(
  org: Org,
  reps: readonly OrgRep[],
): Array<{ territory: string; rep: OrgRep }> {
  const owners = TERRITORIES.map((t, i) => {
    const rep = reps[Math.min(i, reps.length - 1)];
    if (!rep) throw new Error('The org has no reps to assign territories to');
    return { territory: t.name, countries: t.countries, rep };
  });
  org.addAssignmentRule({
    name: 'Territories',
    entries: owners.flatMap(({ countries, rep }) =>
      countries === null
        ? [{ criteria: [], assignTo: rep.userId }]
        : countries.map((country) => ({
            criteria: [{ field: 'Country', equals: country }],
            assignTo: rep.userId,
          })),
    ),
  });
  return owners.map(({ territory, rep }) => ({ territory, rep }));
}
