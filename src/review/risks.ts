/**
 * The dangerous cases a review flags, each with the fix to apply. One function per case so that the
 * wording lives in one place for every renderer.
 */
import type { FieldChange, Risk } from './model';

/** Why Terraform replaces an identity whose identity fields did not change, from the plan's `action_reason`. */
function replaceCause(reason: string | undefined, nullBacking: boolean): string {
  if (reason === 'replace_because_tainted') return 'the resource is tainted in the Terraform state: a create or an earlier apply failed part-way, or someone ran `terraform taint`';
  if (reason === 'replace_by_request') return 'replacement requested with `terraform apply -replace=…`';
  return nullBacking ? 'a change of a null_resource trigger' : 'Terraform plans a replacement although no identity field changed';
}

const SEEDS_FIX = 'pre-copy the disks to the new target and set `seeds: VrSeeds.findOnTarget()` (or `VrSeeds.explicit({...})`) so configure reuses them';

function resyncFix(fieldChanged: boolean, nullBacking: boolean, reason: string | undefined, address: string): string {
  if (!fieldChanged && reason === 'replace_because_tainted') {
    return `If the replication on the appliance is healthy (\`repliform review --live\` shows it), \`terraform untaint ${address}\` keeps it and avoids the resync; otherwise ${SEEDS_FIX}.`;
  }
  if (!fieldChanged && reason === 'replace_by_request') return `Drop \`-replace\` unless a new replication is intended; if it is, ${SEEDS_FIX}.`;
  const nullNote = !fieldChanged && nullBacking
    ? ' With Backing.NULL_RESOURCE a change of the connection, the delete options or the timeouts replaces the identity: revert it, or move to the default terraform_data backing, whose input updates in place.'
    : '';
  return `If the change is intended, ${SEEDS_FIX}; otherwise revert it.${nullNote}`;
}

/** Identity replaced without seeds: unconfigure + configure = every disk copied again across the WAN. */
export function resyncRisk(changes: readonly FieldChange[], nullBacking: boolean, reason?: string, address = '<identity address>'): Risk {
  const identity = changes.filter((change) => change.effect === 'replace').map((change) => change.text);
  const cause = identity.length > 0 ? identity.join('; ') : replaceCause(reason, nullBacking);
  return {
    class: 'resync',
    message: `FULL RESYNC: the replication is unconfigured and configured again (${cause}); the replica is discarded and every replicated disk is copied across the WAN again, leaving no recovery point until the initial sync completes.`,
    fix: resyncFix(identity.length > 0, nullBacking, reason, address),
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

/** `--live`: a replication on a pairing the app uses that no construct of the app declares. */
export function unmanagedRisk(vm: string, where: string): Risk {
  return {
    class: 'orphan',
    message: `UNMANAGED (orphan): ${vm} is replicated on ${where} but no construct of this app declares it, so nothing manages it (a block deleted without retiring it, or a replication made by hand or by another app).`,
    fix: `To manage it, declare a \`VrReplication\` for ${vm} with \`adopt: true\` (every identity field must match the live one) and apply. If it is no longer needed, remove it in vSphere Replication (choosing whether to keep the replica disks). If another app manages it, nothing to do.`,
  };
}

/** A pairing deleted by the plan (`deleteOnDestroy`): the sites are no longer paired. */
export function pairingDeleteRisk(source: string, target: string): Risk {
  return {
    class: 'data-loss',
    message: `PAIRING DELETED: the site pairing ${source} → ${target} is deleted (deleteOnDestroy): afterwards no VM can be replicated between ${source} and ${target} until the sites are paired again, which needs the remote site's SSO administrator; the delete fails while any replication (of this app or another) still uses the pairing.`,
    fix: 'Unless the sites are being decommissioned, set `deleteOnDestroy: false` (the default) and apply that first: removing the pairing from the code then leaves it on the appliance.',
  };
}
