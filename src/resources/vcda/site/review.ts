/** `vcda.site` in a review: left out. */
import { notReviewed } from '../../review-profile';

/** A site is looked up by name, never created or removed by this code: no plan changes one. */
export const vcdaSiteReview = notReviewed('a site is looked up, never created or removed: nothing of it changes');
