import type { Construct } from 'constructs';
import type { KindFields } from '../../resources/contract';
import type { Backing } from '../backing';
import type { ITerraformDependable } from '../cdktf';
import { ManagedResource, type SpecObject } from '../managed-resource';

/**
 * An object with an identity and no settings (an attachment, protection) as ONE lifecycle resource: replaced when an
 * identity field changes; create = `create`, destroy = `delete`.
 * @internal
 */
export function identityOnlyResource(
  scope: Construct,
  id: string,
  props: { kind: string; spec: SpecObject; fields: KindFields; backing: Backing; dependsOn: ITerraformDependable[] },
): ManagedResource {
  const identity = Object.fromEntries(props.fields.identity.map((name) => [name, props.spec[name]]));
  return new ManagedResource(scope, id, {
    kind: props.kind,
    replaceOn: { kind: props.kind, ...identity },
    spec: props.spec,
    createAction: 'create',
    destroyAction: 'delete',
    backing: props.backing,
    dependsOn: props.dependsOn,
  });
}
