/**
 * The machine-readable report, schema version 1 (documented in docs/review.md). Fields are only ever
 * added within a version; a rename or removal bumps `schema_version`.
 */
import { actionCounts, reviewRiskCounts, sourceSiteOf, type OtherChange, type Review, type ReviewItem } from './model';

export const SCHEMA_VERSION = 1;

function itemJson(item: ReviewItem) {
  return {
    id: item.id,
    stack: item.stack,
    kind: item.kind,
    name: item.name,
    source: item.source,
    source_site: sourceSiteOf(item),
    target: item.target,
    action: item.action,
    summary: item.summary,
    retire: item.retire,
    rpo_minutes: item.rpoMinutes,
    seeded: item.seeded,
    retain_replica_disks: item.retainReplicaDisks,
    changes: item.changes.map((change) => ({
      field: change.field,
      from: change.from,
      to: change.to,
      effect: change.effect,
      text: change.text,
      // Only when the apply puts back a value changed outside the code (the plan's refresh read it).
      ...(change.reverts === true ? { reverts: true } : {}),
    })),
    risks: item.risks.map((risk) => ({ class: risk.class, message: risk.message, fix: risk.fix })),
    addresses: [...item.addresses],
    // What the plan's own refresh found changed outside Terraform (provider resources).
    drift: item.drift.map((f) => ({ kind: f.kind, text: f.text })),
    // Only on an import (provider backing): the id of the existing object it takes over.
    ...(item.importing === undefined ? {} : { import_id: item.importing }),
    live: item.live
      ? { status: item.live.status, id: item.live.id, findings: item.live.findings.map((f) => ({ kind: f.kind, text: f.text })) }
      : null,
  };
}

function otherJson(change: OtherChange) {
  return {
    stack: change.stack,
    address: change.address,
    type: change.type,
    actions: [...change.actions],
    action: change.action,
    reasons: [...change.reasons],
    ...(change.importing === undefined ? {} : { import_id: change.importing }),
    risks: change.risks.map((risk) => ({ class: risk.class, message: risk.message, fix: risk.fix })),
  };
}

/** The report object (what `--format json` prints). */
export function reviewJson(review: Review) {
  return {
    schema_version: SCHEMA_VERSION,
    live: review.live,
    stacks: [...review.stacks],
    summary: {
      // Whether applying the plans changes anything, repliform's or not (what the exit code 2 says).
      changes: review.changes,
      actions: actionCounts(review.items),
      other_actions: actionCounts(review.others),
      risks: reviewRiskCounts(review),
    },
    items: review.items.map(itemJson),
    other_changes: review.others.map(otherJson),
    not_this_apps: review.foreign.map((object) => ({ stack: object.stack, kind: object.kind, name: object.name, source: object.source, target: object.target, owner: object.owner, live_id: object.liveId })),
    raw_plan: review.raw.map((plan) => ({ stack: plan.stack, source: plan.source, lines: [...plan.lines] })),
    errors: [...review.errors],
  };
}

/** The report as pretty JSON text (ending with a newline). */
export function renderJson(review: Review): string {
  return `${JSON.stringify(reviewJson(review), null, 2)}\n`;
}
