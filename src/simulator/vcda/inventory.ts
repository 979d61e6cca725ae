/**
 * The Cloud Director VMs of a site, as a replication's source names them; a test failover's test VM is listed on
 * the destination site with its power state and address (the simulator's choice of fields).
 *
 * Endpoints served:
 *   GET /inventory/vms?site=&offset=&limit=   getInventoryVms ({items, total}; the session must reach the site:
 *                                              403 Forbidden before POST /sessions/extend, 404 SiteNotFound)
 */
import type { VcdaHandler } from './context';
import { operationSite, queryValue } from './context';

const DEFAULT_LIMIT = 100;

export const getInventoryVms: VcdaHandler = (request, context) => {
  const site = operationSite(request, context);
  const offset = Number(queryValue(request, 'offset') ?? 0);
  const limit = Number(queryValue(request, 'limit') ?? DEFAULT_LIMIT);
  const vms = context.state.vms
    .filter((vm) => vm.site === site)
    .map((vm) => ({ id: vm.id, name: vm.name, vappId: vm.vappId, org: vm.org, site: vm.site, ...(vm.powerState !== undefined ? { powerState: vm.powerState, ipAddress: vm.ipAddress ?? null } : {}) }));
  return { status: 200, body: { items: vms.slice(offset, offset + limit), total: vms.length } };
};
