// Leads as they arrive in the sandbox CRMs in the end-to-end tests: strong fit, asking for a demo.
import type { BatonHarness } from './batonHarness.ts';

/** A strong-fit contact of a sandbox portal who asks for a demo (at `at`, else now): an MQL at once (hand-raise). */
export function hotContact(portal: BatonHarness['portal'], n: number, at?: number): string {
  const c = portal.createContact(
    {
      email: `buyer${n}@northwind${n}.example`,
      firstname: `Buyer${n}`,
      jobtitle: 'VP Sales',
      numemployees: '800',
      industry: 'software',
      country: 'United States',
    },
    { source: 'FORM' },
  );
  portal.submitForm(c.id, { name: 'Request a demo', ...(at !== undefined && { at }) });
  return c.id;
}

/** A strong-fit HubSpot contact who asks for a demo, on the harness's clock. */
export const hotLead = (b: BatonHarness, n: number): string => hotContact(b.portal, n, b.now().getTime());

/** A demo request's fields as web-to-lead fills them in: a VP at an 800-person tech company. */
export const demoRequestFields = (n: number) => ({
  FirstName: `Buyer${n}`,
  LastName: 'Example',
  Company: `Northwind ${n}`,
  Email: `buyer${n}@northwind${n}.example`,
  Title: 'VP Sales',
  NumberOfEmployees: 800,
  Industry: 'Technology',
  Country: 'United States',
  LeadSource: 'Demo Request',
});

/** A strong-fit Salesforce lead from the website's demo form; the org's assignment rule gives it to the first rep. */
export function demoRequest(b: BatonHarness, n: number): string {
  const created = b.org.org.org.createLead(demoRequestFields(n), {
    assign: true,
    userId: b.org.org.marketingUser.id,
  });
  return created.id;
}
