/** How long a handler waits on the tasks of create, update and delete: every vendor's specs carry this block. */
import { z } from 'zod';

export const timeoutsSchema = z
  .object({
    create_seconds: z.number().int().positive().default(3600),
    update_seconds: z.number().int().positive().default(1800),
    delete_seconds: z.number().int().positive().default(1800),
  })
  .strict()
  .default({ create_seconds: 3600, update_seconds: 1800, delete_seconds: 1800 });
export type Timeouts = z.infer<typeof timeoutsSchema>;
