/**
 * The machine-readable report, schema version 1 (documented in docs/review.md). Fields are only ever
 * added within a version; a rename or removal bumps `schema_version`.
 */
import { actionCounts, changedItems, riskCounts, sourceSiteOf, type Review, type ReviewItem } from './model';

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
    changes: item.changes.map((change) => ({ field: change.field, from: change.from, to: change.to, effect: change.effect, text: change.text })),
    risks: item.risks.map((risk) => ({ class: risk.class, message: risk.message, fix: risk.fix })),
    addresses: [...item.addresses],
    // Only on an import (provider backing): the id of the existing object it takes over.
    ...(item.importing === undefined ? {} : { import_id: item.importing }),
    live: item.live
      ? { status: item.live.status, id: item.live.id, findings: item.live.findings.map((f) => ({ kind: f.kind, text: f.text })) }
      : null,
  };
}

/** The report object (what `--format json` prints). */
export function reviewJson(review: Review) {
  return {
    schema_version: SCHEMA_VERSION,
    live: review.live,
    stacks: [...review.stacks],
    summary: {
      changes: changedItems(review).length > 0,
      actions: actionCounts(review.items),
      risks: riskCounts(review.items),
    },
    items: review.items.map(itemJson),
    errors: [...review.errors],
  };
}

/** The report as pretty JSON text (ending with a newline). */
export function renderJson(review: Review): string {
  return `${JSON.stringify(reviewJson(review), null, 2)}\n`;
}
