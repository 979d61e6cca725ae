/**
 * The removal verdicts (retire, ensure-absent, delete, forget, none) are written once (review-defaults.ts); each
 * replication kind gives only its words. Every summary and risk class below is what `repliform review` prints.
 */
import type { RemovalTransition } from '../../src/resources/review-defaults';
import type { JsonObject, ReviewProfile, Verdict } from '../../src/resources/review-profile';
import { vcdaReplicationReview } from '../../src/resources/vcda/replication/review';
import { vrReplicationReview } from '../../src/resources/vr/replication/review';

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
    { action: 'delete', summary: 'retire (retired: true): unconfigure, replica disks kept on the target', risks: [] },
    { action: 'delete', summary: 'retire (retired: true): unconfigure, replica disks kept on the target (retainReplicaDisksOnDelete: false takes effect only once applied: this retire still keeps them)', risks: [] },
    { action: 'delete', summary: 'retire (retired: true): unconfigure, replica disks DELETED', risks: ['data-loss'] },
    { action: 'delete', summary: 'retired: ensures no replication exists', risks: [] },
    { action: 'delete', summary: 'unconfigure: replication removed, replica disks kept on the target', risks: [] },
    { action: 'delete', summary: 'unconfigure: replication removed, replica disks DELETED', risks: ['data-loss'] },
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
    { action: 'delete', summary: `retire (retired: true): ${kept}`, risks: [] },
    { action: 'delete', summary: `retire (retired: true): ${kept}`, risks: [] },
    { action: 'delete', summary: 'retire (retired: true): replication and its replica DELETED', risks: ['data-loss'] },
    { action: 'delete', summary: 'retired: ensures no replication is running', risks: [] },
    { action: 'delete', summary: kept, risks: [] },
    { action: 'delete', summary: 'replication and its replica DELETED', risks: ['data-loss'] },
    { action: 'delete', summary: 'block removed from the code: dropped from the state, the replication is NOT touched', risks: ['orphan'] },
    { action: 'delete', summary: 'already retired: leaves the code, nothing left to remove', risks: [] },
    { action: 'forget', summary: 'forgotten by a removed block: the replication keeps running', risks: ['orphan'] },
    { action: 'no-change', summary: 'retired: no replication', risks: [] },
    { action: 'no-change', summary: 'no change', risks: [] },
  ]);
});
