// Which rules apply to which object.
import { campaignMemberRules } from './campaignMemberRules.ts';
import { eventRules, taskRules } from './activityRules.ts';
import { leadRules } from './leadRules.ts';
import type { ObjectRules } from './objectRules.ts';

const RULES: Record<string, ObjectRules> = {
  Lead: leadRules,
  Task: taskRules,
  Event: eventRules,
  CampaignMember: campaignMemberRules,
};

export const rulesFor = (type: string): ObjectRules => RULES[type] ?? {};
