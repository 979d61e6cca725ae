/**
 * The review verdicts every kind words alike — retire, ensure-absent, delete (hook runs, skipped, nothing left),
 * forget and no change — written once. A kind's profile gives only its words: the object's noun, what its delete
 * hook does, its orphan and forget risks, and the few phrases a vendor says differently.
 */
import type { JsonObject, Risk, Transition, Verdict } from './review-profile';

/** The transitions whose verdicts are the same for every kind, given its words. */
export type RemovalTransition = Extract<Transition, { event: 'retire' | 'ensure-absent' | 'delete' | 'forget' | 'none' }>;

/** What a kind says about removing its object. */
export interface RemovalWords {
  /** The object: `replication`, `protection group`. */
  readonly noun: string;
  /**
   * What the delete hook does to the object, as a verdict (the retire prefix is added here). `how`: the construct
   * was retired (`before` is the deployed spec, `after` the retired one) or its resource is deleted.
   */
  removal(before: JsonObject | undefined, after: JsonObject | undefined, how: 'retire' | 'delete'): Verdict;
  /** The risk of a block removed from the code without a `removed` block: nothing deletes the object. */
  readonly orphanRisk: Risk;
  /** The risk of a `removed` block with `destroy = false`. */
  readonly forgetRisk: Risk;
  /**
   * The delete hook's verb, in "nothing left to …".
   * @default 'remove'
   */
  readonly removeVerb?: string;
  /**
   * What a removed block spares the object, in "the … is …".
   * @default 'NOT touched'
   */
  readonly untouched?: string;
  /**
   * What a forgotten object does.
   * @default 'stays'
   */
  readonly forgotten?: string;
  /**
   * What a construct created retired makes sure no object does.
   * @default 'exists'
   */
  readonly absent?: string;
}

const RETIRE_PREFIX = 'retire (retired: true): ';

/** The verdict of a removal transition in the kind's words. */
export function removalVerdict(words: RemovalWords, transition: RemovalTransition): Verdict {
  const { noun } = words;
  switch (transition.event) {
    case 'retire': {
      const verdict = words.removal(transition.before, transition.after, 'retire');
      return { ...verdict, summary: `${RETIRE_PREFIX}${verdict.summary}` };
    }
    case 'ensure-absent':
      return { action: 'delete', summary: `retired: ensures no ${noun} ${words.absent ?? 'exists'}` };
    case 'delete':
      if (transition.hook === 'nothing-left') return { action: 'delete', summary: `already retired: leaves the code, nothing left to ${words.removeVerb ?? 'remove'}` };
      if (transition.hook === 'skipped') {
        return { action: 'delete', summary: `block removed from the code: dropped from the state, the ${noun} is ${words.untouched ?? 'NOT touched'}`, risks: [words.orphanRisk] };
      }
      return words.removal(transition.before, undefined, 'delete');
    case 'forget':
      return { action: 'forget', summary: `forgotten by a removed block: the ${noun} ${words.forgotten ?? 'stays'}`, risks: [words.forgetRisk] };
    case 'none':
      return { action: 'no-change', summary: transition.retired ? `retired: no ${noun}` : 'no change' };
  }
}

/** What a kind says of a create, a replace and an update of its object, in its own words. */
export interface ChangeWords {
  create(after: JsonObject | undefined): Verdict;
  replace(transition: Extract<Transition, { event: 'replace' }>): Verdict;
  update(transition: Extract<Transition, { event: 'update' }>): Verdict;
}

/** A kind's verdict of every transition: its words for create, replace and update; the removals as every kind words them. */
export function kindVerdict(changes: ChangeWords, removal: RemovalWords): (transition: Transition) => Verdict {
  return (transition) => {
    switch (transition.event) {
      case 'create':
        return changes.create(transition.after);
      case 'replace':
        return changes.replace(transition);
      case 'update':
        return changes.update(transition);
      default:
        return removalVerdict(removal, transition);
    }
  };
}

/**
 * The risk of a removal that ends protection (a replication unconfigured, a protected instance removed, protection
 * stopped): `what` is lost; `fix` says how to keep it when the removal is not intended.
 */
export function unprotectRisk(what: string, fix: string): Risk {
  return { class: 'unprotect', message: `PROTECTION REMOVED: ${what}; no new recovery point is made after this apply.`, fix };
}

/** Why Terraform replaces an object: the identity changes the plan names, or `fallback` (tainted, `-replace`). */
export function replaceCause(transition: Extract<Transition, { event: 'replace' }>, fallback: string): string {
  const causes = transition.changes.filter((change) => change.effect === 'replace').map((change) => change.text);
  return causes.length > 0 ? causes.join('; ') : fallback;
}
