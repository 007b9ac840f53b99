// Owners (users who can own records) of a portal, in the shape GET /crm/v3/owners returns.

export interface OwnerTeam {
  id: string;
  name: string;
  primary: boolean;
}

export interface Owner {
  id: string;
  userId: number;
  email: string;
  firstName: string;
  lastName: string;
  teams: OwnerTeam[];
  archived: boolean;
  createdAt: number;
  updatedAt: number;
}

export class OwnerStore {
  private readonly owners = new Map<string, Owner>();

  add(owner: Owner): Owner {
    this.owners.set(owner.id, owner);
    return owner;
  }

  all(archived = false): Owner[] {
    return [...this.owners.values()]
      .filter((o) => o.archived === archived)
      .sort((a, b) => Number(a.id) - Number(b.id));
  }

  get(id: string): Owner | undefined {
    return this.owners.get(id);
  }

  byUserId(userId: number): Owner | undefined {
    return [...this.owners.values()].find((o) => o.userId === userId);
  }

  isActive(id: string): boolean {
    const o = this.owners.get(id);
    return o !== undefined && !o.archived;
  }
}

export const toPublicOwner = (o: Owner): Record<string, unknown> => ({
  id: o.id,
  email: o.email,
  type: 'PERSON',
  firstName: o.firstName,
  lastName: o.lastName,
  userId: o.userId,
  userIdIncludingInactive: o.userId,
  createdAt: new Date(o.createdAt).toISOString(),
  updatedAt: new Date(o.updatedAt).toISOString(),
  archived: o.archived,
  teams: o.teams,
});
