/**
 * What the SDRS kinds' review profiles share: where an object lives (its group's AZs, as the spec names them),
 * the common field words, the risks of a block removed without its hook and of a forgotten object (the removal
 * verdicts themselves are review-defaults.ts's), and live findings for a missing object or one whose SDRS status is
 * an error.
 *
 * Calls no endpoint.
 */
import {
  formats,
  valueAt,
  type DriftFinding,
  type FieldWords,
  type Json,
  type JsonObject,
  type LiveSubject,
  type ObjectView,
  type Risk,
} from '../review-profile';
import { isSdrsErrorStatus } from './live-notice';

/** The words of the group reference, shared by the kinds that name a group. */
export function groupRefWords(prefix: string): FieldWords[] {
  return [
    { path: `${prefix}.id`, label: 'protection group', format: formats.orDefault('(by name)') },
    { path: `${prefix}.name`, label: 'protection group', format: formats.orDefault('(by owner)') },
    { path: `${prefix}.source_availability_zone`, label: 'production AZ', format: formats.plain },
    { path: `${prefix}.target_availability_zone`, label: 'DR AZ', format: formats.plain },
    { path: `${prefix}.source_vpc_id`, label: 'VPC', format: formats.plain },
  ];
}

export function text(value: Json | undefined, fallback = '?'): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

/** An object of a group, seen from the AZs its group reference names. */
export function viewIn(spec: JsonObject | undefined, groupPath: string, name: Json | undefined): ObjectView {
  return {
    name: typeof name === 'string' ? name : undefined,
    source: text(valueAt(spec, `${groupPath}.source_availability_zone`), text(valueAt(spec, `${groupPath}.id`))),
    sourceSite: undefined,
    target: text(valueAt(spec, `${groupPath}.target_availability_zone`)),
    rpoMinutes: null,
    seeded: false,
  };
}

/** A block removed from the code with no `removed` block: Terraform drops it without its delete hook. */
export function orphanRisk(noun: string): Risk {
  return {
    class: 'orphan',
    message: `ORPHAN: the block was removed from the code, so Terraform drops it from the state WITHOUT running its delete hook: the ${noun} stays in SDRS and nothing manages it any more.`,
    // The SDRS constructs have no `retired`: their delete runs when a removed block's hook runs, or through the provider.
    fix: 'Put the block back, then remove it with a `removed` block whose destroy-time `local-exec` provisioner runs its delete (Terraform ≥ 1.9), keeping DR-site data unless asked; with the provider backing (the default) removing the block deletes the object.',
  };
}

/** A `removed` block with `destroy = false`: forgotten on purpose, left in SDRS. */
export function forgetRisk(noun: string): Risk {
  return { class: 'orphan', message: `ORPHAN (intentional): Terraform forgets the ${noun}; it stays in SDRS, no longer managed by this code.`, fix: 'Nothing to do if another stack takes it over.' };
}

/** Missing while expected, or in an SDRS error status. */
export function statusFindings(noun: string, live: JsonObject | undefined, subject: LiveSubject): DriftFinding[] {
  if (!live) return subject.expected ? [{ kind: 'missing', text: `no ${noun} ${subject.name} in SDRS (removed outside Terraform?)` }] : [];
  const status = text(live.status, '');
  return isSdrsErrorStatus(status)
    ? [{ kind: 'error', text: `${noun} ${text(live.id)} is ${status} in SDRS` }]
    : [];
}

/** A name changed outside the code (renamed in SDRS): the settings resource renames it back. */
export function nameFindings(live: JsonObject, subject: LiveSubject): DriftFinding[] {
  const coded = valueAt(subject.deployed, 'name');
  return typeof coded === 'string' && typeof live.name === 'string' && live.name !== coded
    ? [{ kind: 'settings', text: `changed outside the code: name ${coded} → ${live.name} (code → live)` }]
    : [];
}

export function commonFix(kind: string, subject: LiveSubject, recreate: string): string {
  switch (kind) {
    case 'missing':
      return `\`terraform apply -replace=${subject.addresses[0]}\` ${recreate}.`;
    case 'error':
      return 'Check the object in the SDRS console (its failure detail); the code is not the cause.';
    case 'settings':
      return `\`terraform apply -replace=${subject.settingsAddress ?? subject.addresses[subject.addresses.length - 1]}\` renames it back in place.`;
    default:
      return '';
  }
}
