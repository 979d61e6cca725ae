/** Kind `vr.pairing`: the pairing of two vSphere Replication sites, looked up (created only when asked). */
import type { KindModule } from '../../contract';
import { vrPairingHandler, type VrPairingState } from './handler';
import { vrPairingFields, type VrPairingSpec, vrPairingSpecSchema, vrPairingStateSchema } from './schema';
import { vrPairingImporter } from './import';
import { vrPairingReview } from './review';

export const vrPairingKind: KindModule<VrPairingSpec, VrPairingState> = {
  kind: 'vr.pairing',
  handler: vrPairingHandler,
  fields: vrPairingFields,
  spec: vrPairingSpecSchema,
  state: vrPairingStateSchema,
  review: vrPairingReview,
  importer: vrPairingImporter,
};
