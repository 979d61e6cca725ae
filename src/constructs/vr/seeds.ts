import type { VrSeedMode } from '../../resources/vr/limits';

/**
 * Seeds: disks pre-copied to the target datastore, so that the initial sync only sends differences.
 * Part of a replication's identity: changing the seeds re-creates the replication.
 */
export class VrSeeds {
  /** No seeds: the initial sync copies every disk in full. */
  public static none(): VrSeeds {
    return new VrSeeds('none', {});
  }

  /** Let vSphere Replication search the target datastore for seeds matching the source disks. */
  public static findOnTarget(): VrSeeds {
    return new VrSeeds('find', {});
  }

  /**
   * Name the seed of each disk: disk label → path on the target datastore.
   * @example VrSeeds.explicit({ 'Hard disk 1': 'seeds/web-01/web-01.vmdk' })
   */
  public static explicit(paths: Readonly<Record<string, string>>): VrSeeds {
    return new VrSeeds('explicit', { ...paths });
  }

  /** The spec's seed mode: `none`, `find` or `explicit`. */
  public readonly mode: VrSeedMode;
  /** Disk label → seed path (only for `explicit`). */
  public readonly paths: Readonly<Record<string, string>>;

  private constructor(mode: VrSeedMode, paths: Readonly<Record<string, string>>) {
    this.mode = mode;
    this.paths = paths;
  }

  /** The spec's `seeds` block. */
  public toSpec(): { mode: VrSeedMode; paths: Record<string, string> } {
    return { mode: this.mode, paths: { ...this.paths } };
  }
}
