/**
 * VCDA sites and the appliance's "about".
 *
 * Endpoints served:
 *   GET /sites               getSites (every paired site; isLocal marks the one this endpoint belongs to)
 *   GET /diagnostics/about   getAbout
 */
import type { VcdaHandler } from './context';

/** 2025-01-01, a fixed build date. */
const BUILD_DATE = Date.UTC(2025, 0, 1);

export const getSites: VcdaHandler = (_request, context) => ({ status: 200, body: context.state.sites });

export const getAbout: VcdaHandler = () => ({
  status: 200,
  body: { serviceType: 'CLOUD', productName: 'VMware Cloud Director Availability (repliform simulator)', buildVersion: '4.7.0-sim', buildDate: BUILD_DATE },
});
