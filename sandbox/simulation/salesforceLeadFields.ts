// A generated person as a Salesforce Lead: the standard fields a web-to-lead form (or a list import) fills in,
// and the lead source that says which form it was. Baton reads engagement in Salesforce from the lead source
// only (there is no marketing tool in the org): a demo request or a contact-sales form is a hand-raise.
import type { GeneratedLead } from './leadGenerator.ts';
import type { Dice } from './randomness.ts';

/** Which web form a person fills in, by persona (the org's web-to-lead forms set LeadSource). */
function webFormSource(lead: GeneratedLead, d: Dice): string {
  switch (lead.persona) {
    case 'hand_raiser':
      return d.chance(0.7) ? 'Demo Request' : 'Contact Sales';
    case 'evaluator':
      return d.weighted([
        ['Contact Sales', 3],
        ['Web', 5],
        ['Partner Referral', 2],
      ]);
    // Competitors ask for a demo to see the product; job seekers and some students use "Contact us".
    case 'competitor':
      return d.chance(0.6) ? 'Demo Request' : 'Web';
    case 'job_seeker':
      return d.chance(0.5) ? 'Contact Us' : 'Web';
    case 'student':
      return d.chance(0.2) ? 'Contact Us' : 'Web';
    default:
      return d.weighted([
        ['Web', 8],
        ['Phone Inquiry', 1],
        ['Other', 1],
      ]);
  }
}

function standardFields(lead: GeneratedLead): Record<string, unknown> {
  const p = lead.properties;
  const employees = p['numemployees'] === undefined ? undefined : Number(p['numemployees']);
  return {
    FirstName: lead.firstName,
    LastName: lead.lastName,
    Company: lead.company,
    Email: p['email'],
    Title: p['jobtitle'],
    ...(employees !== undefined && { NumberOfEmployees: employees }),
    ...(p['industry'] && { Industry: p['industry'] }),
    Country: p['country'],
  };
}

/** What the website's web-to-lead form creates. */
export function webToLeadFields(lead: GeneratedLead, d: Dice): Record<string, unknown> {
  return { ...standardFields(lead), LeadSource: webFormSource(lead, d) };
}

/** A lead of the list the org imported before Baton came (trade shows, purchased lists, old web forms). */
export function importedLeadFields(lead: GeneratedLead, d: Dice): Record<string, unknown> {
  return {
    ...standardFields(lead),
    LeadSource: d.weighted([
      ['Purchased List', 4],
      ['Trade Show', 3],
      ['Web', 2],
      ['Other', 1],
    ]),
  };
}
