/**
 * The vendor profiles of the bench and the chaos campaign, by vendor name (`--vendor`). A new vendor adds its
 * profile file next to vr.ts and one line here.
 */
import type { BenchProfile } from '../harness';
import { sdrsBenchProfile } from './sdrs';
import { vcdaBenchProfile } from './vcda';
import { vrBenchProfile } from './vr';

const PROFILES: Readonly<Record<string, BenchProfile>> = { vr: vrBenchProfile, vcda: vcdaBenchProfile, sdrs: sdrsBenchProfile };

export const DEFAULT_VENDOR = 'vr';

/** The profile of `vendor`, or an error naming the vendors there are. */
export function benchProfile(vendor: string = DEFAULT_VENDOR): BenchProfile {
  const profile = PROFILES[vendor];
  if (!profile) throw new Error(`--vendor must be one of ${Object.keys(PROFILES).join(', ')}, got ${JSON.stringify(vendor)}`);
  return profile;
}
