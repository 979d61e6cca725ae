/**
 * The dangerous cases a review flags, each with the fix to apply. One function per case so that the
 * wording lives in one place for every renderer.
 */
import type { FieldChange, Risk } from './model';

/** Identity replaced without seeds: unconfigure + configure = every disk copied again across the WAN. */
export function resyncRisk(changes: readonly FieldChange[], nullBacking: boolean): Risk {
  const identity = changes.filter((change) => change.effect === 'replace').map((change) => change.text);
  const cause = identity.length > 0 ? identity.join('; ') : 'a change of a null_resource trigger';
  const nullNote = nullBacking && identity.length === 0
    ? ' With Backing.NULL_RESOURCE a change of the connection, the delete options or the timeouts replaces the identity: revert it, or move to the default terraform_data backing, whose input updates in place.'
    : '';
  return {
    class: 'resync',
    message: `FULL RESYNC: the replication is unconfigured and configured again (${cause}); the replica is discarded and every replicated disk is copied across the WAN again, leaving no recovery point until the initial sync completes.`,
    fix: `If the change is intended, pre-copy the disks to the new target and set \`seeds: VrSeeds.findOnTarget()\` (or \`VrSeeds.explicit({...})\`) so configure reuses them; otherwise revert it.${nullNote}`,
  };
}

/** A removal (delete, retire or the old half of a replace) that deletes the replica disks. */
export function dataLossRisk(how: 'delete' | 'retire' | 'replace'): Risk {
  const what = how === 'replace' ? 'The old replication is unconfigured' : 'The replication is unconfigured';
  return {
    class: 'data-loss',
    message: `DATA LOSS: ${what} with retainReplicaDisksOnDelete: false; its replica disks and point-in-time instances on the target are deleted.`,
    fix: 'Unless dropping the replica is intended, set `retainReplicaDisksOnDelete: true` (the default) and apply that first: removal then keeps the replica disks on the target datastore.',
  };
}

/** A block removed from the code: Terraform deletes it from the state without running its destroy-time hook. */
export function orphanRisk(kind: string): Risk {
  const thing = kind === 'vr.pairing' ? 'pairing' : 'replication';
  return {
    class: 'orphan',
    message: `ORPHAN: the block was removed from the code, so Terraform drops it from the state WITHOUT running its delete hook: the ${thing} keeps running on the appliance and nothing manages it any more.`,
    fix:
      kind === 'vr.pairing'
        ? 'Put the block back and apply with `deleteOnDestroy` as intended before removing it, or add a `removed` block with a destroy-time `local-exec` provisioner (Terraform ≥ 1.9).'
        : 'Put the block back with `retired: true`, apply (the replication is unconfigured), then delete the block. Alternatively add a `removed` block with `lifecycle { destroy = true }` and a destroy-time `local-exec` provisioner running `repliform lifecycle delete vr.replication` with `REPLIFORM_SPEC = jsonencode(self.input)` (Terraform ≥ 1.9).',
  };
}

/** A `removed` block with `destroy = false`: forgotten on purpose, still running. */
export function forgetRisk(kind: string): Risk {
  const thing = kind === 'vr.pairing' ? 'pairing' : 'replication';
  return {
    class: 'orphan',
    message: `ORPHAN (intentional): a \`removed\` block with \`lifecycle { destroy = false }\` makes Terraform forget it; the ${thing} keeps running and is no longer managed by this code.`,
    fix: `Nothing to do if another stack or a person takes it over. To remove the ${thing} instead, drop the \`removed\` block, restore the construct with \`retired: true\`, apply, then delete it.`,
  };
}
