/**
 * The spec field → construct prop statement (src/resources/construct-props.ts): every prop it names is a prop of
 * the construct (checked by the compiler below), every path is a field of the kind's spec schema, the construct
 * writes the prop's value at that path, and the messages a CDKTF user reads name the prop.
 */
import { z } from 'zod';
import type {
  SdrsProtectedInstanceProps,
  SdrsProtectionGroupProps,
  SdrsProtectionProps,
  SdrsReplicationPairProps,
  VcdaReplicationProps,
  VcdaSiteProps,
  VrPairingProps,
  VrReplicationProps,
} from '../../src/constructs';
import { CONSTRUCT_PROPS, constructPropOf, inConstructTerms } from '../../src/resources/construct-props';
import { kindFor } from '../../src/resources/registry';
import { vcdaReplicationReview, vcdaReplicationWording } from '../../src/resources/vcda/replication/review';
import type { JsonObject } from '../../src/resources/review-profile';
import { newStack, replication } from '../constructs/helpers';
import { vcdaReplication } from '../constructs/vcda-helpers';

/** A prop of P, or a field of one (`createIfMissing.pscUrl`). */
type PropPath<P> = (keyof P & string) | `${keyof P & string}.${string}`;
type Checked<P> = { readonly construct: string; readonly props: Readonly<Record<string, PropPath<Required<P>>>> };

// Compile-time: a prop that is not one of the construct's props (a typo, a rename) does not type-check.
const checked: {
  readonly 'vr.pairing': Checked<VrPairingProps>;
  readonly 'vr.replication': Checked<VrReplicationProps>;
  readonly 'vcda.site': Checked<VcdaSiteProps>;
  readonly 'vcda.replication': Checked<VcdaReplicationProps>;
  readonly 'sdrs.protection-group': Checked<SdrsProtectionGroupProps>;
  readonly 'sdrs.replication-pair': Checked<SdrsReplicationPairProps>;
  readonly 'sdrs.protected-instance': Checked<SdrsProtectedInstanceProps>;
  readonly 'sdrs.protection': Checked<SdrsProtectionProps>;
} = CONSTRUCT_PROPS;

function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodEffects) current = current.innerType() as z.ZodTypeAny;
    else if (current instanceof z.ZodDefault || current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current._def.innerType as z.ZodTypeAny;
    else return current;
  }
}

/** The schema of a dotted path, or undefined when the spec has no such field. */
function schemaAt(schema: z.ZodTypeAny, path: string): z.ZodTypeAny | undefined {
  let current: z.ZodTypeAny | undefined = schema;
  for (const part of path.split('.')) {
    const object: z.ZodTypeAny | undefined = current === undefined ? undefined : unwrap(current);
    current = object instanceof z.ZodObject ? (object.shape as z.ZodRawShape)[part] : undefined;
  }
  return current;
}

function valueAt(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((inner, part) => (typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>)[part] : undefined), value);
}

test.each(Object.keys(checked))('every path of %s is a field of its spec schema', async (kind) => {
  const { spec } = await kindFor(kind);
  const table = (CONSTRUCT_PROPS as Readonly<Record<string, { props: Readonly<Record<string, string>> }>>)[kind];
  expect(Object.keys(table?.props ?? {}).filter((path) => schemaAt(spec, path) === undefined)).toEqual([]);
});

test('the constructs write each sampled prop at the path the statement names', () => {
  const vcdaSamples: Partial<VcdaReplicationProps> = {
    rpoMinutes: 30,
    quiescing: true,
    description: 'web tier',
    storageProfile: 'gold-profile',
    deleteReplicaOnDestroy: true,
    excludeDiskKeys: [2001],
    adopt: true,
  };
  for (const [prop, value] of Object.entries(vcdaSamples)) {
    const spec = vcdaReplication(newStack(), { [prop]: value }).spec;
    const path = Object.entries(CONSTRUCT_PROPS['vcda.replication'].props).find(([, named]) => named === prop)?.[0] ?? `(no path for ${prop})`;
    expect({ prop, path, value: valueAt(spec, path) }).toEqual({ prop, path, value });
  }
  const vrSamples: Partial<VrReplicationProps> = {
    vmName: 'db-01',
    targetDatastore: 'ds-b-02',
    targetStoragePolicy: 'Gold',
    rpoMinutes: 30,
    encryption: true,
    networkCompression: true,
    retainReplicaDisksOnDelete: false,
    excludeDisks: ['Hard disk 2'],
  };
  for (const [prop, value] of Object.entries(vrSamples)) {
    const spec = replication(newStack(), { [prop]: value }).spec;
    const path = Object.entries(CONSTRUCT_PROPS['vr.replication'].props).find(([, named]) => named === prop)?.[0] ?? `(no path for ${prop})`;
    expect({ prop, path, value: valueAt(spec, path) }).toEqual({ prop, path, value });
  }
});

test('a spec path is named by its construct prop (longest mapped prefix, or a unique field name)', () => {
  expect(constructPropOf('vcda.replication', 'on_delete.delete_replica')).toBe('deleteReplicaOnDestroy');
  expect(constructPropOf('vcda.replication', 'settings.retention_rules.0.instances')).toBe('retentionRules.0.instances');
  expect(constructPropOf('vcda.replication', 'rpo_minutes')).toBe('rpoMinutes');
  expect(constructPropOf('vr.replication', 'timeouts.create_seconds')).toBe('timeouts.createMinutes');
  expect(constructPropOf('vr.replication', 'connection.endpoint')).toBeUndefined();
  expect(constructPropOf('vr.no-such-kind', 'settings.rpo_minutes')).toBeUndefined();
});

test('a message names the construct prop before each spec path it mentions, and leaves other words alone', () => {
  expect(
    inConstructTerms(
      'vcda.replication',
      'replication r-1 of vcd-web-01 goes to vdc-gold on site2 (set on_delete.delete_replica: true and apply before changing the destination, or DELETE /vm-replications/r-1) and apply again',
    ),
  ).toBe(
    'replication r-1 of vcd-web-01 goes to vdc-gold on site2 (set deleteReplicaOnDestroy (on_delete.delete_replica): true and apply before changing the destination, or DELETE /vm-replications/r-1) and apply again',
  );
  expect(inConstructTerms('vcda.replication', 'settings: set either rpo_minutes (with retention_rules) or sla_profile_id, got {} [vcda.replication spec]')).toBe(
    'settings: set either rpoMinutes (rpo_minutes) (with retentionRules (retention_rules)) or slaProfileId (sla_profile_id), got {} [vcda.replication spec]',
  );
  expect(inConstructTerms('vr.replication', 'GET https://vrms-a.example.local/api/rest/vr/v2/pairings failed; see cdk.tf.json, e.g. vm.name')).toBe(
    'GET https://vrms-a.example.local/api/rest/vr/v2/pairings failed; see cdk.tf.json, e.g. vmName (vm.name)',
  );
});

describe('the review names the construct prop in its fixes', () => {
  const spec = (vdc: string, deleteReplica: boolean): JsonObject => ({
    source: { site: 'site1', vm_id: 'vm-web-01' },
    destination: { site: 'site2', vdc },
    settings: { rpo_minutes: 15 },
    on_delete: { delete_replica: deleteReplica },
  });
  const replaced = { address: 'terraform_data.web_replication', backing: 'terraform_data' as const, reason: undefined };

  test('VCDA: a destination change that stops half-way says to set deleteReplicaOnDestroy', () => {
    const changes = vcdaReplicationWording.changes(spec('vdc-gold', false), spec('vdc-silver', false));
    const verdict = vcdaReplicationReview.verdict({ event: 'replace', before: spec('vdc-gold', false), after: spec('vdc-silver', false), changes, replaced });
    expect(verdict.risks?.[0]?.fix).toBe(
      'To move it for real, set `deleteReplicaOnDestroy: true` (on_delete.delete_replica) and apply that first — the old replica is then deleted — or revert the identity change.',
    );
  });

  test('VCDA: a delete that drops the replica says to set deleteReplicaOnDestroy: false', () => {
    const verdict = vcdaReplicationReview.verdict({ event: 'delete', before: spec('vdc-gold', true), hook: 'runs' });
    expect(verdict.risks?.[0]?.fix).toBe(
      'Unless dropping the replica is intended, set `deleteReplicaOnDestroy: false` (the default) and apply that first: removal then pauses the replication and keeps it.',
    );
  });
});
