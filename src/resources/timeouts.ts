/** How long a handler waits on the tasks of create, update and delete: every vendor's specs carry this block. */
import { z } from 'zod';

export const timeoutsSchema = z
  .object({
    create_seconds: z.number().int().positive().default(3600).describe("How long a create waits on the vendor's tasks, in seconds."),
    update_seconds: z.number().int().positive().default(1800).describe("How long an in-place update waits on the vendor's tasks, in seconds."),
    delete_seconds: z.number().int().positive().default(1800).describe("How long a delete waits on the vendor's tasks, in seconds."),
  })
  .strict()
  .default({ create_seconds: 3600, update_seconds: 1800, delete_seconds: 1800 })
  .describe("How long create, update and delete wait on the vendor's tasks.");
export type Timeouts = z.infer<typeof timeoutsSchema>;
