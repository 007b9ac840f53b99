// One object type's property definitions and groups in a portal, with HubSpot's conflict and
// not-found answers.
import { conflict, notFound, validationError } from '../hubspotErrors.ts';
import type { PropertyDefinition, PropertyGroup } from '../model/propertyDefinition.ts';

export class PropertyStore {
  private readonly definitions = new Map<string, PropertyDefinition>();
  private readonly groupsByName = new Map<string, PropertyGroup>();
  private readonly objectTypeId: string;

  constructor(objectTypeId: string, definitions: PropertyDefinition[], groups: PropertyGroup[]) {
    this.objectTypeId = objectTypeId;
    for (const d of definitions) this.definitions.set(d.name, d);
    for (const g of groups) this.groupsByName.set(g.name, g);
  }

  /** A live (not archived) definition. */
  get(name: string): PropertyDefinition | undefined {
    const d = this.definitions.get(name);
    return d && !d.archived ? d : undefined;
  }

  /** Whether the name is taken (archived definitions keep their names). */
  exists(name: string): boolean {
    return this.definitions.has(name);
  }

  require(name: string): PropertyDefinition {
    const d = this.get(name);
    if (!d)
      throw notFound(`Unable to find property with name '${name}' for object type ${this.objectTypeId}.`);
    return d;
  }

  list(archived = false): PropertyDefinition[] {
    return [...this.definitions.values()].filter((d) => d.archived === archived);
  }

  create(d: PropertyDefinition): PropertyDefinition {
    if (this.exists(d.name))
      throw conflict(`Property named '${d.name}' already exists.`, 'OBJECT_ALREADY_EXISTS');
    this.requireGroup(d.groupName);
    this.definitions.set(d.name, d);
    return d;
  }

  update(name: string, patch: Partial<PropertyDefinition>, at: number): PropertyDefinition {
    const current = this.require(name);
    if (patch.groupName !== undefined) this.requireGroup(patch.groupName);
    const next = { ...current, ...patch, name: current.name, updatedAt: at };
    this.definitions.set(name, next);
    return next;
  }

  archive(name: string, at: number): void {
    const d = this.require(name);
    if (d.hubspotDefined)
      throw validationError(`Property '${name}' is a HubSpot-defined property and cannot be archived.`);
    this.definitions.set(name, { ...d, archived: true, archivedAt: at, updatedAt: at });
  }

  groups(archived = false): PropertyGroup[] {
    return [...this.groupsByName.values()].filter((g) => g.archived === archived);
  }

  group(name: string): PropertyGroup | undefined {
    const g = this.groupsByName.get(name);
    return g && !g.archived ? g : undefined;
  }

  requireGroup(name: string): PropertyGroup {
    const g = this.group(name);
    if (!g)
      throw notFound(
        `Unable to find property group with name '${name}' for object type ${this.objectTypeId}.`,
      );
    return g;
  }

  createGroup(g: PropertyGroup): PropertyGroup {
    if (this.groupsByName.has(g.name)) {
      throw conflict(`A property group named '${g.name}' already exists.`, 'OBJECT_ALREADY_EXISTS');
    }
    this.groupsByName.set(g.name, g);
    return g;
  }

  updateGroup(name: string, patch: Partial<Pick<PropertyGroup, 'label' | 'displayOrder'>>): PropertyGroup {
    const next = { ...this.requireGroup(name), ...patch };
    this.groupsByName.set(name, next);
    return next;
  }

  archiveGroup(name: string): void {
    const g = this.requireGroup(name);
    this.groupsByName.set(name, { ...g, archived: true });
  }
}
