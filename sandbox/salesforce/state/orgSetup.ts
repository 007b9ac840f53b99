// What an admin configures in Setup: users, queues (Group Type='Queue' + QueueSobject per object), campaigns,
// lead assignment rules, the default lead owner and installed packages.
import { batonLeadFields } from '../model/batonPackage.ts';
import type { AssignmentRule, AssignmentRuleEntry } from './assignmentRules.ts';
import { OrgCore } from './orgCore.ts';
import type { SObjectRecord } from './recordStore.ts';

export interface UserInput {
  firstName?: string;
  lastName: string;
  email?: string;
  username?: string;
  title?: string;
  isActive?: boolean;
  managerId?: string;
  department?: string;
}

export interface QueueInput {
  name: string;
  developerName?: string;
  /** Objects the queue may own (QueueSobject rows); Lead by default. */
  sobjectTypes?: string[];
}

export class OrgSetup extends OrgCore {
  addUser(input: UserInput): SObjectRecord {
    const slug = `${input.firstName ?? ''}.${input.lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
    const email = input.email ?? `${slug}@${this.name.toLowerCase().replace(/[^a-z0-9]/g, '')}.example`;
    return this.transact(this.systemActor(), (ctx) =>
      this.insertRow(ctx, 'User', {
        Username: input.username ?? email,
        FirstName: input.firstName ?? null,
        LastName: input.lastName,
        Name: [input.firstName, input.lastName].filter(Boolean).join(' '),
        Alias: (input.firstName?.charAt(0) ?? '') + input.lastName.slice(0, 4).toLowerCase(),
        Email: email,
        Title: input.title ?? null,
        IsActive: input.isActive ?? true,
        UserType: 'Standard',
        ManagerId: input.managerId ?? null,
        TimeZoneSidKey: this.timeZone,
        Department: input.department ?? null,
      }),
    );
  }

  setUserActive(userId: string, isActive: boolean): void {
    const user = this.store.live('User', userId);
    if (!user) throw new Error(`No user ${userId}`);
    this.transact(this.systemActor(), ({ tx }) => tx.set(user, { IsActive: isActive }));
  }

  /** A queue; it can own leads only if 'Lead' is among its sobjectTypes. */
  addQueue(input: QueueInput): SObjectRecord {
    return this.transact(this.systemActor(), (ctx) => {
      const group = this.insertRow(ctx, 'Group', {
        Name: input.name,
        DeveloperName: input.developerName ?? input.name.replace(/\W+/g, '_'),
        Type: 'Queue',
        DoesSendEmailToMembers: false,
      });
      for (const sobjectType of input.sobjectTypes ?? ['Lead']) {
        this.insertRow(ctx, 'QueueSobject', { QueueId: group.id, SobjectType: sobjectType });
      }
      return group;
    });
  }

  queue(developerName: string): SObjectRecord | undefined {
    return this.store
      .all('Group')
      .find((g) => g.values.Type === 'Queue' && g.values.DeveloperName === developerName);
  }

  addCampaign(input: { name: string; type?: string; isActive?: boolean }): SObjectRecord {
    return this.transact(this.systemActor(), (ctx) =>
      this.insertRow(ctx, 'Campaign', {
        Name: input.name,
        Type: input.type ?? 'Email',
        IsActive: input.isActive ?? true,
        Status: 'In Progress',
        OwnerId: this.adminUserId ?? null,
        NumberOfLeads: 0,
      }),
    );
  }

  /** Adds a lead assignment rule; an active one deactivates the others (one active rule per object). */
  addAssignmentRule(input: {
    name: string;
    active?: boolean;
    entries: AssignmentRuleEntry[];
  }): AssignmentRule {
    const rule: AssignmentRule = {
      id: this.newId('01Q'),
      name: input.name,
      active: input.active ?? true,
      entries: input.entries,
    };
    if (rule.active) for (const r of this.assignmentRules) r.active = false;
    this.assignmentRules.push(rule);
    return rule;
  }

  /** Installs Baton's Lead fields (all, or without `omit`), as the package does. */
  installBatonPackage(omit: readonly string[] = []): void {
    this.setCustomLeadFields(batonLeadFields(omit));
  }

  uninstallBatonPackage(): void {
    this.setCustomLeadFields([]);
  }
}
