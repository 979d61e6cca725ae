/**
 * The synth-time rules every SDRS construct shares: names as the SDRS API accepts them, booleans, timeouts.
 */
import { isSdrsName, SDRS_NAME_RULE } from '../../resources/sdrs/spec-common';
import { timeoutRules } from '../timeouts';
import { isUnresolved, type ValidationRule } from '../validation';

/** How long the CLI waits on SDRS jobs. */
export interface SdrsTimeouts {
  /**
   * Wait for the create job (and the look-ups before it).
   * @default 10
   */
  readonly createMinutes?: number;
  /**
   * Wait for an in-place change (a rename answers at once; an expand is a job).
   * @default 10
   */
  readonly updateMinutes?: number;
  /**
   * Wait for the delete job.
   * @default 10
   */
  readonly deleteMinutes?: number;
}

export const SDRS_DEFAULT_TIMEOUTS: Required<SdrsTimeouts> = { createMinutes: 10, updateMinutes: 10, deleteMinutes: 10 };

/** A rule for an SDRS object's name. */
export function nameRule<P>(field: string, get: (props: P) => unknown): ValidationRule<P> {
  return {
    field,
    value: get,
    condition: isSdrsName,
    message: SDRS_NAME_RULE,
  };
}

/** Rules for optional boolean props. */
export function booleanRules<P, K extends keyof P & string>(names: readonly K[]): Array<ValidationRule<P>> {
  return names.map((field) => ({
    field,
    value: (p: P) => p[field],
    condition: (v: unknown) => v === undefined || typeof v === 'boolean',
    message: 'must be true or false',
  }));
}

/** Rules for the `timeouts` prop. */
export function sdrsTimeoutRules<P>(get: (props: P) => SdrsTimeouts | undefined): Array<ValidationRule<P>> {
  return timeoutRules<P, SdrsTimeouts>(get, ['createMinutes', 'updateMinutes', 'deleteMinutes']);
}

/** A non-empty id-like string (no spaces), or an unresolved token. */
export function isIdLike(value: unknown): boolean {
  return isUnresolved(value) || (typeof value === 'string' && /^\S+$/.test(value));
}

/** The user's part of an SDRS description: SDRS allows 64 bytes without `<` `>`, and the owner marker takes 16. */
export const SDRS_DESCRIPTION_MAX_BYTES = 48;

/** A rule for the optional `description` prop (create-time only: SDRS cannot change it later). */
export function descriptionRule<P>(get: (props: P) => unknown): ValidationRule<P> {
  return {
    field: 'description',
    value: get,
    condition: (v) => v === undefined || (typeof v === 'string' && Buffer.byteLength(v, 'utf8') <= SDRS_DESCRIPTION_MAX_BYTES && !/[<>]/.test(v)),
    message: `must be at most ${SDRS_DESCRIPTION_MAX_BYTES} bytes without < or > (SDRS allows 64; the owner marker ' rf:<12 hex>' takes the rest)`,
  };
}

/** Characters SDRS refuses in tag keys and values (Huawei SDK `ResourceTag`): ASCII controls and * < > \\ = , | /. */
const TAG_FORBIDDEN = /[\u0000-\u001f*<>\\=,|/]/;
const TAG_RULE_CHARS = 'without control characters or * < > \\ = , | /';

const isTagKey = (key: string): boolean => [...key].length >= 1 && [...key].length <= 36 && !TAG_FORBIDDEN.test(key);
const isTagValue = (value: unknown): boolean => typeof value === 'string' && [...value].length <= 43 && !TAG_FORBIDDEN.test(value);

function tagsOf(value: unknown): Array<[string, unknown]> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : [];
}

/** Rules for an optional `tags` prop (key → value): keys 1–36 characters, values 0–43, SDRS's forbidden characters in neither. */
export function tagRules<P>(get: (props: P) => unknown): Array<ValidationRule<P>> {
  return [
    {
      field: 'tags',
      value: get,
      condition: (v) => v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v)),
      message: 'must be an object of tag key → value',
    },
    {
      field: 'tags',
      value: (p) => tagsOf(get(p)).find(([key]) => !isTagKey(key))?.[0],
      condition: (v) => v === undefined,
      message: `keys must be 1–36 characters ${TAG_RULE_CHARS}`,
    },
    {
      field: 'tags',
      value: (p) => tagsOf(get(p)).find(([, value]) => !isTagValue(value))?.[1],
      condition: (v) => v === undefined,
      message: `values must be at most 43 characters ${TAG_RULE_CHARS}`,
    },
  ];
}
