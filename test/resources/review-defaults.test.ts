/**
 * The removal verdicts (retire, ensure-absent, delete, forget, none) are written once (review-defaults.ts); each
 * replication kind, and each SDRS kind, gives only its words. Every summary and risk class below is what
 * `repliform review` prints.
 */
import type { RemovalTransition } from '../../src/resources/review-defaults';
import type { JsonObject, ReviewProfile, RiskClass, Verdict } from '../../src/resources/review-profile';
import { vcdaReplicationReview } from '../../src/resources/vcda/replication/review';
import { vrReplicationReview } from '../../src/resources/vr/replication/review';
import { sdrsProtectedInstanceReview } from '../../src/resources/sdrs/protected-instance/review';
import { sdrsProtectionGroupReview } from '../../src/resources/sdrs/protection-group/review';
import { sdrsProtectionReview } from '../../src/resources/sdrs/protection/review';
import { sdrsReplicationAttachmentReview } from '../../src/resources/sdrs/replication-attachment/review';
import { sdrsReplicationPairReview } from '../../src/resources/sdrs/replication-pair/review';

function profile(review: ReviewProfile | { readonly reviewed: false }): ReviewProfile {
  if (!review.reviewed) throw new Error('not reviewed');
  return review;
}

const seen = (verdict: Verdict) => ({ action: verdict.action, summary: verdict.summary, risks: (verdict.risks ?? []).map((risk) => risk.class) });

function verdicts(review: ReviewProfile, keep: JsonObject, drop: JsonObject): Array<ReturnType<typeof seen>> {
  const transitions: RemovalTransition[] = [
    { event: 'retire', before: keep, after: keep },
    { event: 'retire', before: keep, after: drop },
    { event: 'retire', before: drop, after: drop },
    { event: 'ensure-absent' },
    { event: 'delete', before: keep, hook: 'runs' },
    { event: 'delete', before: drop, hook: 'runs' },
    { event: 'delete', before: keep, hook: 'skipped' },
    { event: 'delete', before: keep, hook: 'nothing-left' },
    { event: 'forget', before: keep },
    { event: 'none', retired: true },
    { event: 'none', retired: false },
  ];
  return transitions.map((transition) => seen(review.verdict(transition)));
}

test('vr.replication: unconfigure words, replica disks kept unless asked', () => {
  const keep = { on_delete: { retain_replica_disks: true } };
  const drop = { on_delete: { retain_replica_disks: false } };
  expect(verdicts(profile(vrReplicationReview), keep, drop)).toEqual([
    { action: 'delete', summary: 'retire (retired: true): unconfigure, replica disks kept on the target', risks: ['unprotect'] },
    { action: 'delete', summary: 'retire (retired: true): unconfigure, replica disks kept on the target (retainReplicaDisksOnDelete: false takes effect only once applied: this retire still keeps them)', risks: ['unprotect'] },
    { action: 'delete', summary: 'retire (retired: true): unconfigure, replica disks DELETED', risks: ['data-loss', 'unprotect'] },
    { action: 'delete', summary: 'retired: ensures no replication exists', risks: [] },
    { action: 'delete', summary: 'unconfigure: replication removed, replica disks kept on the target', risks: ['unprotect'] },
    { action: 'delete', summary: 'unconfigure: replication removed, replica disks DELETED', risks: ['data-loss', 'unprotect'] },
    { action: 'delete', summary: 'block removed from the code: dropped from the state, the replication is NOT unconfigured', risks: ['orphan'] },
    { action: 'delete', summary: 'already retired: leaves the code, nothing left to unconfigure', risks: [] },
    { action: 'forget', summary: 'forgotten by a removed block: the replication keeps running', risks: ['orphan'] },
    { action: 'no-change', summary: 'retired: no replication', risks: [] },
    { action: 'no-change', summary: 'no change', risks: [] },
  ]);
});

test('vcda.replication: paused and kept unless delete_replica', () => {
  const keep = { on_delete: { delete_replica: false } };
  const drop = { on_delete: { delete_replica: true } };
  const kept = 'replication paused and kept with its replica (VCDA cannot delete it and keep the replica)';
  expect(verdicts(profile(vcdaReplicationReview), keep, drop)).toEqual([
    { action: 'delete', summary: `retire (retired: true): ${kept}`, risks: ['unprotect'] },
    { action: 'delete', summary: `retire (retired: true): ${kept}`, risks: ['unprotect'] },
    { action: 'delete', summary: 'retire (retired: true): replication and its replica DELETED', risks: ['data-loss', 'unprotect'] },
    { action: 'delete', summary: 'retired: ensures no replication is running', risks: [] },
    { action: 'delete', summary: kept, risks: ['unprotect'] },
    { action: 'delete', summary: 'replication and its replica DELETED', risks: ['data-loss', 'unprotect'] },
    { action: 'delete', summary: 'block removed from the code: dropped from the state, the replication is NOT touched', risks: ['orphan'] },
    { action: 'delete', summary: 'already retired: leaves the code, nothing left to remove', risks: [] },
    { action: 'forget', summary: 'forgotten by a removed block: the replication keeps running', risks: ['orphan'] },
    { action: 'no-change', summary: 'retired: no replication', risks: [] },
    { action: 'no-change', summary: 'no change', risks: [] },
  ]);
});

/** The SDRS risks of a block removed without its hook and of a forgotten object, in full: what the reviewer reads. */
function sdrsRemovedRisks(noun: string) {
  return {
    orphan: {
      class: 'orphan',
      message: `ORPHAN: the block was removed from the code, so Terraform drops it from the state WITHOUT running its delete hook: the ${noun} stays in SDRS and nothing manages it any more.`,
      fix: 'Put the block back, then remove it with a `removed` block whose destroy-time `local-exec` provisioner runs its delete (Terraform ≥ 1.9), keeping DR-site data unless asked; with the provider backing (the default) removing the block deletes the object.',
    },
    forget: { class: 'orphan', message: `ORPHAN (intentional): Terraform forgets the ${noun}; it stays in SDRS, no longer managed by this code.`, fix: 'Nothing to do if another stack takes it over.' },
  };
}

/** The removal verdicts of an SDRS kind whose delete hook has no option: `removed` is its one summary. */
function sdrsVerdicts(noun: string, removed: string, risks: RiskClass[]): Array<ReturnType<typeof seen>> {
  return [
    { action: 'delete', summary: `retire (retired: true): ${removed}`, risks },
    { action: 'delete', summary: `retire (retired: true): ${removed}`, risks },
    { action: 'delete', summary: `retire (retired: true): ${removed}`, risks },
    { action: 'delete', summary: `retired: ensures no ${noun} exists`, risks: [] },
    { action: 'delete', summary: removed, risks },
    { action: 'delete', summary: removed, risks },
    { action: 'delete', summary: `block removed from the code: dropped from the state, the ${noun} is NOT touched`, risks: ['orphan'] },
    { action: 'delete', summary: 'already retired: leaves the code, nothing left to remove', risks: [] },
    { action: 'forget', summary: `forgotten by a removed block: the ${noun} stays`, risks: ['orphan'] },
    { action: 'no-change', summary: `retired: no ${noun}`, risks: [] },
    { action: 'no-change', summary: 'no change', risks: [] },
  ];
}

test('sdrs.replication-pair: DR-site volume kept unless delete_target_volume', () => {
  const keep = { volume_id: 'vol-1', on_delete: { delete_target_volume: false } };
  const drop = { volume_id: 'vol-1', on_delete: { delete_target_volume: true } };
  const kept = 'pair of volume vol-1 deleted; its DR-site volume and data are KEPT';
  const lost = 'pair of volume vol-1 deleted with its DR-site volume: DR data LOST';
  expect(verdicts(profile(sdrsReplicationPairReview), keep, drop)).toEqual([
    { action: 'delete', summary: `retire (retired: true): ${kept}`, risks: ['unprotect'] },
    { action: 'delete', summary: `retire (retired: true): ${kept}`, risks: ['unprotect'] },
    { action: 'delete', summary: `retire (retired: true): ${lost}`, risks: ['data-loss', 'unprotect'] },
    { action: 'delete', summary: 'retired: ensures no replication pair exists', risks: [] },
    { action: 'delete', summary: kept, risks: ['unprotect'] },
    { action: 'delete', summary: lost, risks: ['data-loss', 'unprotect'] },
    { action: 'delete', summary: 'block removed from the code: dropped from the state, the replication pair is NOT touched', risks: ['orphan'] },
    { action: 'delete', summary: 'already retired: leaves the code, nothing left to remove', risks: [] },
    { action: 'forget', summary: 'forgotten by a removed block: the replication pair stays', risks: ['orphan'] },
    { action: 'no-change', summary: 'retired: no replication pair', risks: [] },
    { action: 'no-change', summary: 'no change', risks: [] },
  ]);
});

test('sdrs.protected-instance: DR-site server kept unless delete_target_server', () => {
  const keep = { server_id: 'ecs-1', on_delete: { delete_target_server: false } };
  const drop = { server_id: 'ecs-1', on_delete: { delete_target_server: true, delete_target_eip: true } };
  const kept = 'protection of server ecs-1 removed; its DR-site server is KEPT';
  const deleted = 'protection of server ecs-1 removed with its DR-site server DELETED';
  expect(verdicts(profile(sdrsProtectedInstanceReview), keep, drop)).toEqual([
    { action: 'delete', summary: `retire (retired: true): ${kept}`, risks: ['unprotect'] },
    { action: 'delete', summary: `retire (retired: true): ${kept}`, risks: ['unprotect'] },
    { action: 'delete', summary: `retire (retired: true): ${deleted}`, risks: ['data-loss', 'unprotect'] },
    { action: 'delete', summary: 'retired: ensures no protected instance exists', risks: [] },
    { action: 'delete', summary: kept, risks: ['unprotect'] },
    { action: 'delete', summary: deleted, risks: ['data-loss', 'unprotect'] },
    { action: 'delete', summary: 'block removed from the code: dropped from the state, the protected instance is NOT touched', risks: ['orphan'] },
    { action: 'delete', summary: 'already retired: leaves the code, nothing left to remove', risks: [] },
    { action: 'forget', summary: 'forgotten by a removed block: the protected instance stays', risks: ['orphan'] },
    { action: 'no-change', summary: 'retired: no protected instance', risks: [] },
    { action: 'no-change', summary: 'no change', risks: [] },
  ]);
});

test('sdrs.protection-group, sdrs.replication-attachment, sdrs.protection: one removal each', () => {
  const group = { name: 'web-group' };
  expect(verdicts(profile(sdrsProtectionGroupReview), group, group)).toEqual(sdrsVerdicts('protection group', 'protection group web-group deleted (its pairs and instances are removed first)', []));
  const attachment = { pair: { volume_id: 'vol-1' }, instance: { server_id: 'ecs-1' }, device: '/dev/vdb' };
  expect(verdicts(profile(sdrsReplicationAttachmentReview), attachment, attachment)).toEqual(sdrsVerdicts('attachment', 'detach volume vol-1 on server ecs-1 as /dev/vdb: the pair and the instance stay', []));
  const protection = { group };
  expect(verdicts(profile(sdrsProtectionReview), protection, protection)).toEqual(
    sdrsVerdicts('protection', 'STOP protection of group web-group: its pairs stop replicating (data kept on both sites)', ['unprotect']),
  );
});

test.each([
  ['protection group', sdrsProtectionGroupReview],
  ['replication pair', sdrsReplicationPairReview],
  ['protected instance', sdrsProtectedInstanceReview],
  ['attachment', sdrsReplicationAttachmentReview],
  ['protection', sdrsProtectionReview],
])('sdrs %s: the orphan risk of a block removed without its hook, and the intentional one of a forgotten object', (noun, review) => {
  const risks = sdrsRemovedRisks(noun);
  expect(profile(review).verdict({ event: 'delete', before: {}, hook: 'skipped' })).toEqual({
    action: 'delete',
    summary: `block removed from the code: dropped from the state, the ${noun} is NOT touched`,
    risks: [risks.orphan],
  });
  expect(profile(review).verdict({ event: 'forget', before: {} })).toEqual({ action: 'forget', summary: `forgotten by a removed block: the ${noun} stays`, risks: [risks.forget] });
});
