/**
 * What every SDRS kind's spec shares: the connection, timeouts, adopt and owner fields, the SDRS name rule, and
 * the references by natural key between SDRS objects (a lifecycle resource cannot know at plan time the id
 * another apply made, so a spec names the group, pair or instance it needs by its natural key and the handler
 * resolves it at run time).
 *
 * Calls no endpoint.
 */
import { z } from 'zod';
import { timeoutsSchema } from '../timeouts';
import { sdrsConnectionSpecSchema } from './connection';

/**
 * SDRS names (the API reference's rule, docs/vendors/sdrs.md): at most 64 bytes, only Chinese characters, letters
 * a–z A–Z, digits, `.`, `_` and `-`. Bytes are counted in UTF-8 (a Chinese character takes 3).
 */
export const SDRS_NAME_RULE = 'must be 1–64 bytes (UTF-8: a Chinese character takes 3) of Chinese characters, letters, digits, dots, underscores and hyphens';
const SDRS_NAME_CHARACTERS = /^[\p{Script=Han}A-Za-z0-9._-]+$/u;
export const SDRS_NAME_MAX_BYTES = 64;

/** True for a name SDRS accepts. */
export function isSdrsName(value: unknown): boolean {
  return typeof value === 'string' && SDRS_NAME_CHARACTERS.test(value) && Buffer.byteLength(value, 'utf8') <= SDRS_NAME_MAX_BYTES;
}

export const sdrsNameSchema = z.string().refine(isSdrsName, { message: SDRS_NAME_RULE });

const id = z.string().min(1);

/** The user's description: ≤ 48 bytes (64 minus the ` rf:<12 hex>` marker), without `<` `>`; create-time only. */
export const SDRS_DESCRIPTION_MAX_BYTES = 48;
export const sdrsDescriptionSchema = z
  .string()
  .refine((v) => Buffer.byteLength(v, 'utf8') <= SDRS_DESCRIPTION_MAX_BYTES && !/[<>]/.test(v), {
    message: `must be at most ${SDRS_DESCRIPTION_MAX_BYTES} bytes without < or > (the owner marker takes the rest of SDRS's 64)`,
  })
  .nullable()
  .default(null)
  .describe(
    `What the object is for: at most ${SDRS_DESCRIPTION_MAX_BYTES} bytes without < or > (the owner marker \` rf:<12 hex>\` is appended). ` +
      'Create-time only: SDRS cannot change a description, so a later change is reported and the live one is kept. null = the marker alone.',
  );

/** Characters SDRS refuses in a tag key or value (Huawei SDK `ResourceTag`): ASCII controls and * < > \ = , | /. */
const TAG_FORBIDDEN = /[\u0000-\u001f*<>\\=,|/]/;
const TAG_KEY_RULE = 'keys must be 1–36 characters without control characters or * < > \\ = , | /';
const TAG_VALUE_RULE = 'values must be at most 43 characters without control characters or * < > \\ = , | /';

const isTagKey = (key: string): boolean => [...key].length >= 1 && [...key].length <= 36 && !TAG_FORBIDDEN.test(key);
const isTagValue = (value: string): boolean => [...value].length <= 43 && !TAG_FORBIDDEN.test(value);

/**
 * Tags of an SDRS object, key → value (sent as `[{key, value}]`): keys 1–36 characters, values 0–43, neither with
 * control characters or `* < > \ = , | /` (Huawei SDK `ResourceTag`). Create-time only here. null = none.
 */
export const sdrsTagsSchema = z
  .record(z.string())
  .superRefine((tags, ctx) => {
    const badKey = Object.keys(tags).find((key) => !isTagKey(key));
    if (badKey !== undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${TAG_KEY_RULE}; key ${JSON.stringify(badKey)} is not` });
    const badValue = Object.entries(tags).find(([, value]) => !isTagValue(value));
    if (badValue !== undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${TAG_VALUE_RULE}; the value of ${JSON.stringify(badValue[0])} is not` });
  })
  .nullable()
  .default(null)
  .describe(
    'Tags, key → value: keys of 1–36 characters, values of at most 43, neither with control characters or `* < > \\ = , | /`. ' +
      'Sent with the create; a later change is reported, not applied. null = no tags.',
  );

/** Tags as SDRS takes them: `[{key, value}]`, in the order given. */
export function sdrsTagList(tags: Readonly<Record<string, string>> | null): Array<{ key: string; value: string }> | undefined {
  return tags === null ? undefined : Object.entries(tags).map(([key, value]) => ({ key, value }));
}

/**
 * A protection group made by this code (or another stack), by its natural key: AZs + VPC, and its owner (the
 * `owner` of its own spec: found by its description's marker, so a rename does not lose it) or its name (the
 * fallback, for groups without a marker). Constructs give the owner and leave the name out, so that renaming a
 * group never changes the identity of its pairs and instances.
 */
export const sdrsGroupKeySchema = z
  .object({
    source_availability_zone: id.describe("By natural key: the group's production availability zone."),
    target_availability_zone: id.describe("By natural key: the group's disaster-recovery availability zone."),
    source_vpc_id: id.describe("By natural key: the group's production VPC."),
    owner: z
      .string()
      .min(1)
      .optional()
      .describe("By natural key: the `owner` of the group's own resource (found by its description's marker, so a rename does not lose it)."),
    name: sdrsNameSchema.optional().describe("By natural key: the group's name (the fallback, for a group without an owner marker)."),
  })
  .strict()
  .refine((ref) => ref.owner !== undefined || ref.name !== undefined, { message: 'name the group by its owner or its name', path: ['name'] });
/** A protection group made elsewhere, by id. */
export const sdrsGroupIdSchema = z.object({ id: id.describe("The group's id, for a group made elsewhere (instead of its natural key).") }).strict();
export const sdrsGroupRefSchema = z
  .union([sdrsGroupIdSchema, sdrsGroupKeySchema])
  .describe(
    'The protection group: by `id`, or by its natural key (the availability zones and the VPC, with its `owner` or its `name`), ' +
      'resolved when the action runs.',
  );
export type SdrsGroupRef = z.infer<typeof sdrsGroupRefSchema>;

/** A replication pair by its natural key: its group and its production volume. */
export const sdrsPairRefSchema = z
  .object({ group: sdrsGroupRefSchema, volume_id: id.describe("The pair's production-site volume (EVS disk) id.") })
  .strict()
  .describe('The replication pair, by its natural key: its group and its production volume.');
export type SdrsPairRef = z.infer<typeof sdrsPairRefSchema>;

/** A protected instance by its natural key: its group and its production server. */
export const sdrsInstanceRefSchema = z
  .object({ group: sdrsGroupRefSchema, server_id: id.describe("The protected instance's production server (ECS) id.") })
  .strict()
  .describe('The protected instance, by its natural key: its group and its production server.');
export type SdrsInstanceRef = z.infer<typeof sdrsInstanceRefSchema>;

/** The fields of every SDRS spec that are neither identity nor settings. */
export const sdrsCommonSpecFields = {
  connection: sdrsConnectionSpecSchema,
  timeouts: timeoutsSchema,
  adopt: z
    .boolean()
    .default(false)
    .describe('Take over an existing object this code did not create: adopted only when every identity field matches, and announced. Changing it replaces nothing.'),
  owner: z
    .string()
    .min(1)
    .nullable()
    .default(null)
    .describe(
      "Who declares this object (`<stack>/<construct path>`); recorded as a short marker (` rf:<12 hex>`) in the object's description, " +
        'so that a rerun on any machine recognises its own object. null = the name "(unnamed)", shared by every spec written without an owner.',
    ),
};
