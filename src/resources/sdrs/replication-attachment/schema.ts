/**
 * The spec of kind `sdrs.replication-attachment`: a replication pair attached to a protected instance as one of
 * its disks. Everything is identity (instance, pair, device), so a change of one detaches and attaches again.
 */
import { z } from 'zod';
import type { KindFields } from '../../contract';
import { sdrsCommonSpecFields, sdrsInstanceRefSchema, sdrsPairRefSchema } from '../spec-common';

export const sdrsReplicationAttachmentIdentitySchema = z
  .object({
    instance: sdrsInstanceRefSchema,
    pair: sdrsPairRefSchema,
    device: z
      .string()
      .regex(/^\/dev\/[a-z]+[a-z0-9]*$/, 'must be a device name such as /dev/vdb')
      .describe('The device name on the server, e.g. /dev/vda (system disk) or /dev/vdb.'),
  })
  .strict();

export const sdrsReplicationAttachmentSpecSchema = sdrsReplicationAttachmentIdentitySchema
  .extend(sdrsCommonSpecFields)
  .strict()
  .describe(
    'A replication pair attached to a protected instance as one of its disks. Create attaches it (an identical existing attachment is taken ' +
      'as it is). Everything is identity: a change detaches and attaches again. Delete detaches it; the pair and its replica data stay.',
  );
export type SdrsReplicationAttachmentSpec = z.infer<typeof sdrsReplicationAttachmentSpecSchema>;
export type SdrsReplicationAttachmentSpecInput = z.input<typeof sdrsReplicationAttachmentSpecSchema>;

/** Identity and settings of `sdrs.replication-attachment`, stated once. */
export const sdrsReplicationAttachmentFields: KindFields = {
  identity: Object.keys(sdrsReplicationAttachmentIdentitySchema.shape),
  settings: [],
};

/** What `read` reports about the live object: the provider's computed attributes (the handler's state type must match). */
export const sdrsReplicationAttachmentStateSchema = z.object({
  instance_id: z.string().describe("The protected instance's id."),
  pair_id: z.string().describe("The replication pair's id."),
  device: z.string().describe('The device name the pair is attached as.'),
});
