import { describe, expect, it } from 'vitest';
import { mayReturn, type ReturnAuthority } from './returnPermission.ts';

const authority: ReturnAuthority = { managers: { 'owner-a': 'owner-m' }, admins: ['user-admin'] };
const leadOfA = { ownerId: 'owner-a', managerId: null, ownerName: 'Ann Lee' };
const user = (userId: string, ownerId: string) => ({ userId, ownerId });

describe('who may return a lead', () => {
  it('its owner', () => {
    expect(mayReturn(user('user-a', 'owner-a'), leadOfA, authority)).toEqual({ allowed: true, as: 'owner' });
  });

  it("the owner's manager from the policy's escalation map", () => {
    expect(mayReturn(user('user-m', 'owner-m'), leadOfA, authority)).toEqual({
      allowed: true,
      as: 'manager',
    });
  });

  it("the owner's manager as the CRM knows it comes before the policy's map", () => {
    const lead = { ...leadOfA, managerId: 'owner-crm-mgr' };
    expect(mayReturn(user('u', 'owner-crm-mgr'), lead, authority)).toEqual({ allowed: true, as: 'manager' });
    expect(mayReturn(user('user-m', 'owner-m'), lead, authority).allowed).toBe(false);
  });

  it('a Baton admin of the portal, by user id, whoever owns the lead (or when nobody does)', () => {
    expect(mayReturn(user('user-admin', 'owner-x'), leadOfA, authority)).toEqual({
      allowed: true,
      as: 'admin',
    });
    const unowned = { ownerId: null, managerId: null };
    expect(mayReturn(user('user-admin', 'owner-x'), unowned, authority)).toEqual({
      allowed: true,
      as: 'admin',
    });
  });

  it('another rep is refused, and the words name the owner', () => {
    expect(mayReturn(user('user-b', 'owner-b'), leadOfA, authority)).toEqual({
      allowed: false,
      message: 'Only Ann Lee, their manager or a Baton admin of this portal can return this lead',
    });
  });

  it('without a name the words say "the lead’s owner"', () => {
    const verdict = mayReturn(user('user-b', 'owner-b'), { ...leadOfA, ownerName: null }, authority);
    expect(verdict).toMatchObject({
      allowed: false,
      message: expect.stringContaining('Only the lead’s owner,'),
    });
  });

  it('a lead nobody owns: only an admin', () => {
    const verdict = mayReturn(user('user-b', 'owner-b'), { ownerId: null, managerId: null }, authority);
    expect(verdict).toMatchObject({ allowed: false, message: expect.stringContaining('no owner') });
  });

  it('ids never cross spaces: a user id equal to the owner id is not the owner, an owner id is not an admin', () => {
    expect(mayReturn(user('owner-a', 'owner-b'), leadOfA, authority).allowed).toBe(false);
    expect(mayReturn(user('user-b', 'user-admin'), leadOfA, authority).allowed).toBe(false);
  });

  it('the escalation map is read as data: inherited keys are not managers', () => {
    const lead = { ownerId: 'constructor', managerId: null };
    expect(mayReturn(user('u', '[object Object]'), lead, authority).allowed).toBe(false);
    expect(mayReturn(user('u', 'function Object() { [native code] }'), lead, authority).allowed).toBe(false);
  });
});
