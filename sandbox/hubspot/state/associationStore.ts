// Associations between records of one portal, stored in both directions with their type ids.
import type { ObjectTypeName } from '../model/objectTypes.ts';

export interface AssociationType {
  category: 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';
  typeId: number;
}

const key = (type: ObjectTypeName, id: string): string => `${type}:${id}`;

export class AssociationStore {
  private readonly edges = new Map<string, Map<string, AssociationType[]>>();

  /** Adds a typed edge one way; returns false when it already existed. */
  add(
    from: ObjectTypeName,
    fromId: string,
    to: ObjectTypeName,
    toId: string,
    type: AssociationType,
  ): boolean {
    const out = this.edges.get(key(from, fromId)) ?? new Map<string, AssociationType[]>();
    this.edges.set(key(from, fromId), out);
    const types = out.get(key(to, toId)) ?? [];
    if (types.some((t) => t.typeId === type.typeId && t.category === type.category)) return false;
    out.set(key(to, toId), [...types, type]);
    return true;
  }

  remove(from: ObjectTypeName, fromId: string, to: ObjectTypeName, toId: string): boolean {
    return this.edges.get(key(from, fromId))?.delete(key(to, toId)) ?? false;
  }

  /** Associated ids of `to` type, ascending, with their types. */
  of(
    from: ObjectTypeName,
    fromId: string,
    to: ObjectTypeName,
  ): Array<{ toId: string; types: AssociationType[] }> {
    const prefix = `${to}:`;
    return [...(this.edges.get(key(from, fromId)) ?? new Map<string, AssociationType[]>()).entries()]
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, types]) => ({ toId: k.slice(prefix.length), types }))
      .sort((a, b) => Number(a.toId) - Number(b.toId));
  }

  /** Forgets a record entirely (both directions). */
  dropRecord(type: ObjectTypeName, id: string): void {
    const mine = key(type, id);
    for (const [, targets] of this.edges) targets.delete(mine);
    this.edges.delete(mine);
  }
}
