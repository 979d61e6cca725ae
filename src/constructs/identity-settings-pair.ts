import type { Construct } from 'constructs';
import type { KindFields } from '../resources/contract';
import { Backing } from './backing';
import type { ITerraformDependable } from './cdktf';
import { ValidationError } from './errors';
import { ManagedResource, type SpecObject } from './managed-resource';

/** Props of {@link IdentitySettingsPair}. */
export interface IdentitySettingsPairProps {
  /** The handler kind, e.g. `vr.replication`: the last word of both commands and the identity's first trigger. */
  readonly kind: string;
  /** The full spec (snake_case, every default applied), as the create-time command reads it. */
  readonly spec: SpecObject;
  /** The kind's identity and settings fields, from its schema module: the triggers are derived from them. */
  readonly fields: KindFields;
  /** Which Terraform resource type carries the lifecycle. */
  readonly backing: Backing;
  /**
   * The identity resource's construct id; the settings resource's trigger names the identity by it.
   * @default 'identity'
   */
  readonly identityId?: string;
  /**
   * Resources that the identity resource is created after (and destroyed before).
   * @default - none
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Ensure the object is absent (retire it): the identity's triggers gain `ensure: 'absent'` (so the old
   * instance is destroyed, which deletes the object), its create runs an idempotent `delete`, and there is
   * no settings resource.
   * @default false
   */
  readonly ensureAbsent?: boolean;
  /**
   * Dotted paths (`adopt`, `connection.local_site`) that the destroy-time spec leaves out besides the
   * settings fields. Matters for the null_resource backing, whose destroy spec is a trigger: whatever is
   * left in replaces the object when it changes.
   * @default - only the settings fields are left out
   */
  readonly destroySpecOmits?: readonly string[];
  /**
   * The construct type named by a validation error (e.g. `repliform/VrReplication`).
   * @default 'repliform'
   */
  readonly subject?: string;
}

/**
 * One managed object as two lifecycle resources, so that a settings change never re-creates it:
 *
 * - **identity** (`<identityId>`): `triggers_replace = { kind, …identity fields }` (plus `ensure: 'absent'`
 *   when retired). Create = `create` (or `delete` when retired), destroy = `delete`. Its null_resource
 *   destroy spec never holds the settings: a settings change must not replace the identity.
 * - **settings** (`settings`): `triggers_replace = { <identityId>: identity id, …settings fields }`. Create =
 *   `update` (in place), destroy = nothing; it reads its spec from the identity's `input`.
 *
 * With the provider backing it is ONE resource (`<identityId>`) holding identity and settings: the provider updates
 * settings in place and replaces on identity, so there is no settings resource; retiring is refused (deleting the
 * construct deletes the object).
 *
 * Not a construct itself: both resources are children of `scope`, so their addresses are `scope`'s.
 * @internal
 */
export class IdentitySettingsPair {
  /** The identity resource (create / delete). */
  public readonly identityResource: ManagedResource;
  /** The settings resource (update in place); undefined when ensuring the object is absent. */
  public readonly settingsResource: ManagedResource | undefined;
  private readonly scope: Construct;
  private readonly backing: Backing;
  private readonly spec: SpecObject;

  constructor(scope: Construct, props: IdentitySettingsPairProps) {
    this.scope = scope;
    this.backing = props.backing;
    this.spec = props.spec;
    const { kind, spec, fields } = props;
    const identityId = props.identityId ?? 'identity';
    const identity = pick(kind, spec, fields.identity, fields.addedLater);
    const ensureAbsent = props.ensureAbsent ?? false;
    if (ensureAbsent && props.backing === Backing.PROVIDER) {
      throw new ValidationError(
        props.subject ?? 'repliform',
        ['retired must not be set with Backing.PROVIDER (delete the construct instead: the provider deletes the object when its block is removed), got true'],
        scope,
      );
    }
    const single = props.backing === Backing.PROVIDER;

    this.identityResource = new ManagedResource(scope, identityId, {
      kind,
      replaceOn: ensureAbsent ? { kind, ...identity, ensure: 'absent' } : { kind, ...identity },
      spec,
      destroySpec: omit(spec, [...fields.settings, ...(props.destroySpecOmits ?? []), ...nullFields(spec, fields.addedLater)]),
      createAction: ensureAbsent ? 'delete' : 'create',
      destroyAction: 'delete',
      backing: props.backing,
      dependsOn: props.dependsOn,
    });

    this.settingsResource = ensureAbsent || single
      ? undefined
      : new ManagedResource(scope, 'settings', {
          kind,
          replaceOn: { [identityId]: this.identityResource.resourceId, ...pick(kind, spec, fields.settings, fields.addedLater) },
          spec,
          specFrom: this.identityResource,
          createAction: 'update',
          backing: props.backing,
          dependsOn: [this.identityResource.resource],
        });
  }

  /**
   * A one-shot action of `kind` run (after the settings are applied) whenever `trigger` changes, e.g. a
   * forced sync; destroying it does nothing. Undefined when ensuring the object is absent.
   *
   * With the provider backing, `providerSpec` is the resource's spec (the action kind's own fields, the trigger
   * among them: a change of it is an update, which runs the action again).
   */
  public runOnChange(id: string, kind: string, trigger: SpecObject, providerSpec?: SpecObject): ManagedResource | undefined {
    if (this.backing === Backing.PROVIDER) {
      if (providerSpec === undefined) throw new Error(`runOnChange(${id}): the provider backing needs the ${kind} resource's own spec`);
      return new ManagedResource(this.scope, id, {
        kind,
        replaceOn: trigger,
        spec: providerSpec,
        createAction: 'create',
        backing: this.backing,
        dependsOn: [this.identityResource.resource],
      });
    }
    if (this.settingsResource === undefined) return undefined;
    return new ManagedResource(this.scope, id, {
      kind,
      replaceOn: trigger,
      spec: this.spec,
      specFrom: this.identityResource,
      createAction: 'create',
      backing: this.backing,
      dependsOn: [this.settingsResource.resource],
    });
  }
}

/** The `addedLater` fields that are null in the spec (left out of the null_resource triggers). */
function nullFields(spec: SpecObject, addedLater: readonly string[] = []): string[] {
  return addedLater.filter((name) => spec[name] === null);
}

/**
 * The named top-level fields of the spec, in the order named, without the `addedLater` ones that are null (a
 * trigger is compared as text: a new key would replace every existing object); a field the spec lacks is a
 * programming error.
 */
function pick(kind: string, spec: SpecObject, names: readonly string[], addedLater: readonly string[] = []): SpecObject {
  return Object.fromEntries(
    names
      .map((name): [string, unknown] => {
        if (!(name in spec)) throw new Error(`the spec of ${kind} has no field '${name}' (named by its KindFields)`);
        return [name, spec[name]];
      })
      .filter(([name, value]) => !(addedLater.includes(name) && value === null)),
  );
}

/**
 * The spec without the dotted paths, every other key in its original order (a null_resource trigger is
 * compared as text: a reordering would replace every object).
 */
function omit(spec: SpecObject, paths: readonly string[]): SpecObject {
  const here = new Set(paths.filter((path) => !path.includes('.')));
  const entries = Object.entries(spec)
    .filter(([key]) => !here.has(key))
    .map(([key, value]): [string, unknown] => {
      const nested = paths.filter((path) => path.startsWith(`${key}.`)).map((path) => path.slice(key.length + 1));
      return nested.length > 0 && isSpecObject(value) ? [key, omit(value, nested)] : [key, value];
    });
  return Object.fromEntries(entries);
}

function isSpecObject(value: unknown): value is SpecObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
