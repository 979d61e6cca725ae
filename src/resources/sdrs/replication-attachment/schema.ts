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
    /** The device name on the server, e.g. /dev/vda (system disk) or /dev/vdb. */
    device: z.string().regex(/^\/dev\/[a-z]+[a-z0-9]*$/, 'must be a device name such as /dev/vdb'),
  })
  .strict();

export const sdrsReplicationAttachmentSpecSchema = sdrsReplicationAttachmentIdentitySchema.extend(sdrsCommonSpecFields).strict();
export type SdrsReplicationAttachmentSpec = z.infer<typeof sdrsReplicationAttachmentSpecSchema>;
export type SdrsReplicationAttachmentSpecInput = z.input<typeof sdrsReplicationAttachmentSpecSchema>;

/** Identity and settings of `sdrs.replication-attachment`, stated once. */
export const sdrsReplicationAttachmentFields: KindFields = {
  identity: Object.keys(sdrsReplicationAttachmentIdentitySchema.shape),
  settings: [],
};

/** What `read` reports about the live object: the provider's computed attributes (the handler's state type must match). */
export const sdrsReplicationAttachmentStateSchema = z.object({
  instance_id: z.string(),
  pair_id: z.string(),
  device: z.string(),
});
