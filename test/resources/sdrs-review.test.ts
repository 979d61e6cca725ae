/**
 * The review profiles of the SDRS kinds: a pair create is the initial sync of its volume; a rename or an expansion
 * is in place; a production volume change replaces the pair with a full sync; a delete keeps the DR-site volume
 * (data kept) or, with delete_target_volume, deletes it (data lost); an instance delete keeps the DR server unless
 * asked; stopping protection is a drift risk, and protection stopped by hand is live drift.
 */
import { fieldWording, type JsonObject, type LiveSubject } from '../../src/resources/review-profile';
import { sdrsReplicationPairReview, sdrsReplicationPairWords } from '../../src/resources/sdrs/replication-pair/review';
import { sdrsReplicationPairFields } from '../../src/resources/sdrs/replication-pair/schema';
import { sdrsProtectedInstanceReview } from '../../src/resources/sdrs/protected-instance/review';
import { sdrsProtectionGroupReview } from '../../src/resources/sdrs/protection-group/review';
import { sdrsProtectionReview } from '../../src/resources/sdrs/protection/review';
import { sdrsReplicationAttachmentReview } from '../../src/resources/sdrs/replication-attachment/review';
import { createClientFactory } from '../../src/resources/clients';
import { sdrsProtectionGroupHandler } from '../../src/resources/sdrs/protection-group/handler';
import { SDRS_ACCESS_KEY, SDRS_DOMAIN_ID, SDRS_PROJECT_ID, SDRS_SECRET_KEY, startSimulator } from '../../src/simulator';
import { testContext } from '../helpers/context';

const group = { source_availability_zone: 'az-a', target_availability_zone: 'az-b', source_vpc_id: 'vpc-prod', owner: 'app/g' };
const pair = (volume: string, extra: JsonObject = {}): JsonObject => ({ group, volume_id: volume, name: 'web-data', size_gb: 100, on_delete: { delete_target_volume: false }, ...extra });
const wording = fieldWording(sdrsReplicationPairFields, sdrsReplicationPairWords);
const replaced = { address: 'terraform_data.pair', backing: 'terraform_data' as const, reason: undefined };

test('pair: create = initial sync; rename and expand in place; production volume change = replace with full sync', () => {
  expect(sdrsReplicationPairReview.verdict({ event: 'create', after: pair('vol-1') })).toEqual({ action: 'create', summary: 'create replication pair: initial sync of volume vol-1' });
  expect(wording.changes(pair('vol-1'), pair('vol-1', { name: 'web-data-2', size_gb: 200 })).map((c) => [c.text, c.effect])).toEqual([
    ['name web-data → web-data-2', 'in-place'],
    ['size 100 → 200 GB', 'in-place'],
  ]);
  expect(sdrsReplicationPairReview.verdict({ event: 'update', before: pair('vol-1'), after: pair('vol-1', { name: 'x' }), settingsChanged: true }).summary).toBe('renamed or expanded in place: no resync');
  const changes = wording.changes(pair('vol-1'), pair('vol-2'));
  expect(changes.map((c) => [c.text, c.effect])).toEqual([['production volume vol-1 → vol-2', 'replace']]);
  const verdict = sdrsReplicationPairReview.verdict({ event: 'replace', before: pair('vol-1'), after: pair('vol-2'), changes, replaced });
  expect(verdict.summary).toBe('delete + create replication pair of volume vol-2: FULL SYNC');
  expect(verdict.risks?.map((r) => r.class)).toEqual(['resync']);
  expect(verdict.risks?.[0]?.message).toContain('(production volume vol-1 → vol-2)');
});

test('pair shrink (150 → 120 GB): not "expanded in place" but a refusal risk naming the sizes and the fix', () => {
  const verdict = sdrsReplicationPairReview.verdict({ event: 'update', before: pair('vol-1', { size_gb: 150 }), after: pair('vol-1', { size_gb: 120 }), settingsChanged: true });
  expect(verdict).toEqual({
    action: 'update',
    summary: 'shrink of volume vol-1 150 → 120 GB REFUSED: SDRS only expands; the plan and the apply fail before any change',
    risks: [
      {
        // Issue 19: a change the apply refuses is `blocked` (the apply stops), not drift.
        class: 'blocked',
        message: 'SHRINK REFUSED: size_gb 150 → 120 GB for volume vol-1; SDRS never shrinks a volume, so this change cannot be applied.',
        fix: 'Set sizeGb to at least 150 (or leave it unset to keep the size as it is).',
      },
    ],
  });
  expect(sdrsReplicationPairReview.verdict({ event: 'update', before: pair('vol-1', { size_gb: 150 }), after: pair('vol-1', { size_gb: 200 }), settingsChanged: true })).toEqual({
    action: 'update',
    summary: 'renamed or expanded in place: no resync',
  });
});

test('pair delete: the DR-site volume is kept by default, lost with delete_target_volume', () => {
  expect(sdrsReplicationPairReview.verdict({ event: 'delete', before: pair('vol-1'), hook: 'runs' })).toEqual({
    action: 'delete',
    summary: 'pair of volume vol-1 deleted; its DR-site volume and data are KEPT',
    // Issue 19: the volume is no longer protected — a risk class of its own.
    risks: [
      {
        class: 'unprotect',
        message: 'PROTECTION REMOVED: the replication pair of volume web-data is deleted: the volume is no longer replicated to the DR site; no new recovery point is made after this apply.',
        fix: 'If it must stay protected, put the construct back before applying; otherwise nothing to do.',
      },
    ],
  });
  const lost = sdrsReplicationPairReview.verdict({ event: 'delete', before: pair('vol-1', { on_delete: { delete_target_volume: true } }), hook: 'runs' });
  expect(lost.summary).toBe('pair of volume vol-1 deleted with its DR-site volume: DR data LOST');
  expect(lost.risks?.map((r) => r.class)).toEqual(['data-loss', 'unprotect']);
  expect(sdrsReplicationPairReview.keepsReplica(pair('vol-1'))).toBe(true);
  expect(sdrsReplicationPairReview.facts({ action: 'delete', rpoMinutes: null, seeded: false, keepsReplica: false })).toBe('DR volume deleted');
  expect(sdrsReplicationPairReview.verdict({ event: 'delete', before: pair('vol-1'), hook: 'skipped' }).risks?.map((r) => r.class)).toEqual(['orphan']);
});

test('instance, group, attachment and protection verdicts', () => {
  const instance = { group, server_id: 'ecs-1', name: 'web-01', on_delete: { delete_target_server: false, delete_target_eip: false } };
  expect(sdrsProtectedInstanceReview.verdict({ event: 'delete', before: instance, hook: 'runs' }).summary).toBe('protection of server ecs-1 removed; its DR-site server is KEPT');
  const drop = sdrsProtectedInstanceReview.verdict({ event: 'delete', before: { ...instance, on_delete: { delete_target_server: true, delete_target_eip: true } }, hook: 'runs' });
  expect(drop.risks?.[0]?.message).toBe('DATA LOSS: the DR-site server of ecs-1 and its EIP are deleted (on_delete.delete_target_server: true).');
  expect(sdrsProtectionGroupReview.verdict({ event: 'update', before: {}, after: {}, settingsChanged: true }).summary).toBe('renamed in place: nothing is copied');
  expect(sdrsReplicationAttachmentReview.verdict({ event: 'create', after: { instance: { group, server_id: 'ecs-1' }, pair: { group, volume_id: 'vol-1' }, device: '/dev/vdb' } }).summary).toBe(
    'attach volume vol-1 on server ecs-1 as /dev/vdb',
  );
  expect(sdrsProtectionReview.verdict({ event: 'create', after: { group: { ...group, name: 'web-group' } } }).summary).toBe('START protection of group web-group: its pairs replicate');
  const stop = sdrsProtectionReview.verdict({ event: 'delete', before: { group: { ...group, name: 'web-group' } }, hook: 'runs' });
  expect(stop.summary).toBe('STOP protection of group web-group: its pairs stop replicating (data kept on both sites)');
  expect(stop.risks?.map((r) => r.class)).toEqual(['unprotect']);
});

test('live: protection stopped by hand is drift', async () => {
  const sim = await startSimulator({ validateResponses: true, taskDelayMs: 0 });
  try {
    const env = { HW_AK: SDRS_ACCESS_KEY, HW_SK: SDRS_SECRET_KEY };
    const connection = { endpoint: `${sim.url}/sdrs`, project_id: SDRS_PROJECT_ID, credentials: { access_key_env: 'HW_AK', secret_key_env: 'HW_SK' } };
    const groupSpec = { connection, owner: 'app/g', name: 'web-group', source_availability_zone: 'az-a', target_availability_zone: 'az-b', domain_id: SDRS_DOMAIN_ID, source_vpc_id: 'vpc-prod' };
    await sdrsProtectionGroupHandler.create(sdrsProtectionGroupHandler.parseSpec(groupSpec, 'create'), testContext(env, { ownership: null }));
    const id = sim.sdrs.state.groups[0]?.id ?? '';
    const stopped = await fetch(`${sim.url}/_sim/sdrs/server-groups/${id}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ protection: 'stopped' }) });
    expect(stopped.status).toBe(200);
    const spec = { connection, group };
    const session = { clients: createClientFactory({ log: { info: () => undefined, warn: () => undefined, debug: () => undefined }, env }) };
    const live = await sdrsProtectionReview.live?.read(spec, session);
    const subject: LiveSubject = { name: 'web-group', source: 'az-a', target: 'az-b', deployed: spec, code: spec, expected: true, addresses: ['terraform_data.protection'], settingsAddress: undefined };
    expect(sdrsProtectionReview.live?.findings(live as JsonObject, subject)).toEqual([
      { kind: 'status', text: `protection is STOPPED (group ${id} is available): its pairs do not replicate` },
    ]);
  } finally {
    await sim.close();
  }
});
