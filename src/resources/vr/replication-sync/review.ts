/** `vr.replication-sync` in a review: left out. */
import { notReviewed } from '../../review-profile';

/**
 * A sync resource (a construct's `syncTrigger`) only asks for a sync now: it neither creates nor removes a
 * replication, so a bump of its trigger must never read as a replace (a full resync) of one.
 */
export const vrReplicationSyncReview = notReviewed('a sync request changes no protection: its replace is a sync now, not a resync');
