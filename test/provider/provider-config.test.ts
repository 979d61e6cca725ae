/**
 * The provider block, as Terraform sends it to ValidateProviderConfig and ConfigureProvider: checked like a
 * resource (known values even when others are unknown, one diagnostic per problem on its attribute, the rule in
 * our words and the value once), credentials accepted as sensitive values beside the variable names (never echoed,
 * handed to the clients through the provider's own environment), and a block holding unknowns reported as pending
 * — resources plan without it and say where they would need it.
 */
import { loadCatalogue, type Catalogue } from '../../src/provider/catalogue';
import { objectValueOf } from '../../src/provider/convert';
import { checkProviderConfig } from '../../src/provider/provider-config';
import { loadDataSourceTypes } from '../../src/provider/data-source-type';
import { ResourceType, type ObjectValue, type ResourceRuntime } from '../../src/provider/resource-type';
import { attributesOf } from '../../src/provider/schema';
import { UNKNOWN, type TfValue } from '../../src/provider/values';
import { kindFor } from '../../src/resources/registry';
import { testContext } from '../helpers/context';
import { configOf, objectOf } from '../helpers/provider-types';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await loadCatalogue();
});

/** The provider block as Terraform sends it: every attribute, null where the HCL leaves it out. */
function block(json: Record<string, unknown>): ObjectValue {
  return objectValueOf(json, catalogue.providerModel) as ObjectValue;
}

function withUnknown(value: ObjectValue, path: readonly string[]): ObjectValue {
  const [head, ...rest] = path;
  const inner = value[head];
  return { ...value, [head]: rest.length === 0 ? UNKNOWN : withUnknown(objectOf(inner as TfValue), rest) };
}

const VR = { endpoint: 'https://vr-a.example.local', credentials: { username_env: 'VR_USER', password_env: 'VR_PASSWORD' } };

describe('validation', () => {
  test('a bad known value is one diagnostic on its attribute, worded as a resource would be', () => {
    const checked = checkProviderConfig(catalogue, block({ vr: { ...VR, endpoint: 'vr-a' } }));
    expect(checked.diagnostics).toEqual([
      expect.objectContaining({ severity: 'ERROR', summary: 'vr.endpoint: must be an http(s) URL such as https://vr-a.example.local, got "vr-a"', attribute: { steps: [{ attribute_name: 'vr' }, { attribute_name: 'endpoint' }] } }),
    ]);
  });

  test('known values are checked while others are unknown (terraform validate with variables)', () => {
    const config = withUnknown(block({ vr: { ...VR, credentials: { username_env: 'VR USER', password_env: 'VR_PASSWORD' } } }), ['vr', 'endpoint']);
    const checked = checkProviderConfig(catalogue, config);
    expect(checked.diagnostics.map((d) => d.summary)).toEqual(['vr.credentials.username_env: must be an environment variable name ([A-Za-z_][A-Za-z0-9_]*), got a value that is not a variable name (not shown: it may be a secret)']);
    expect([...checked.pending]).toEqual(['vr']);
  });

  test('an unknown value is never called missing or wrong', () => {
    const config = withUnknown(withUnknown(block({ vr: VR }), ['vr', 'endpoint']), ['vr', 'credentials']);
    expect(checkProviderConfig(catalogue, config)).toMatchObject({ diagnostics: [], connections: new Map() });
  });

  test("an enum is named with its values once, not in zod's words and ours", () => {
    const checked = checkProviderConfig(catalogue, block({ sdrs: { endpoint: 'https://sdrs.example', project_id: 'p', credentials: { token_env: 'T' } } }));
    expect(checked.diagnostics).toEqual([]);
    const type = catalogue.resources.get('repliform_sdrs_protected_instance');
    if (!type) throw new Error('no repliform_sdrs_protected_instance');
    const summaries = type.validate(configOf(type, { group: { id: 'g' }, server_id: 's', name: 'web', tenancy: 'BOGUS' })).map((d) => d.summary);
    expect(summaries).toEqual(["tenancy: must be 'shared' or 'dedicated' (or null for SDRS's default, shared), got \"BOGUS\""]);
    const vr = catalogue.resources.get('repliform_vr_replication');
    if (!vr) throw new Error('no repliform_vr_replication');
    const diskFormat = vr.validate(configOf(vr, { pairing: { id: 'p' }, vm: { name: 'web-01' }, target: { datastore: 'ds', disk_format: 'BOGUS' }, settings: { rpo_minutes: 15 } }));
    expect(diskFormat.map((d) => d.summary)).toEqual([
      'target.disk_format: must be one of "SAME_AS_SOURCE", "SAME_AS_PRIMARY", "AS_DEFINED_IN_PROFILE", "FLAT", "THICK", "NATIVE_THICK", "THIN", "RDM", got "BOGUS"',
    ]);
  });
});

describe('credentials as values', () => {
  const SECRET = 'Canary-Provider-Password-7c1e!';

  test('the provider block offers a sensitive value beside each variable name; resources do not', () => {
    const vr = attributesOf(catalogue.providerModel).find((a) => a.name === 'vr');
    const credentials = vr?.nested_type?.attributes?.find((a) => a.name === 'credentials');
    expect(credentials?.nested_type?.attributes?.map((a) => [a.name, a.optional, a.sensitive])).toEqual([
      ['username_env', true, false],
      ['password_env', true, false],
      ['username', true, false],
      ['password', true, true],
    ]);
    const sdrs = attributesOf(catalogue.providerModel).find((a) => a.name === 'sdrs');
    const keys = sdrs?.nested_type?.attributes?.find((a) => a.name === 'credentials')?.nested_type?.attributes ?? [];
    expect(keys.filter((a) => a.sensitive).map((a) => a.name)).toEqual(['access_key', 'secret_key', 'token']);
    const replication = attributesOf(catalogue.resources.get('repliform_vr_replication')?.attributes ?? {});
    const own = replication.find((a) => a.name === 'connection')?.nested_type?.attributes?.find((a) => a.name === 'credentials');
    expect(own?.nested_type?.attributes?.map((a) => a.name)).toEqual(['username_env', 'password_env']);
  });

  test('a value is handed over under a variable name of the provider’s own, and the connection names that variable', () => {
    const checked = checkProviderConfig(catalogue, block({ vr: { endpoint: VR.endpoint, credentials: { username: 'svc-dr', password: SECRET } } }));
    expect(checked.diagnostics).toEqual([]);
    expect(checked.connections.get('vr')).toMatchObject({
      credentials: { username_env: 'REPLIFORM_PROVIDER_VR_CREDENTIALS_USERNAME', password_env: 'REPLIFORM_PROVIDER_VR_CREDENTIALS_PASSWORD' },
    });
    expect(checked.secrets).toEqual({ REPLIFORM_PROVIDER_VR_CREDENTIALS_USERNAME: 'svc-dr', REPLIFORM_PROVIDER_VR_CREDENTIALS_PASSWORD: SECRET });
  });

  test('a value and a name for the same credential, or an empty value: an error naming the field, never the value', () => {
    const both = checkProviderConfig(catalogue, block({ vr: { endpoint: VR.endpoint, credentials: { username_env: 'U', password_env: 'P', password: SECRET } } }));
    expect(both.diagnostics.map((d) => d.summary)).toEqual(['vr.credentials.password: set password or password_env, not both']);
    const empty = checkProviderConfig(catalogue, block({ sdrs: { endpoint: 'https://sdrs.example', project_id: 'p', credentials: { access_key: '', secret_key: SECRET } } }));
    expect(empty.diagnostics.map((d) => d.summary)).toEqual(['sdrs.credentials.access_key: must not be empty (the value is not shown)']);
    expect(JSON.stringify([both, empty].map((c) => c.diagnostics))).not.toContain(SECRET);
  });
});

describe('a provider block not known until apply', () => {
  const runtime = (pending: boolean): ResourceRuntime => ({
    connectionFor: () => undefined,
    connectionPending: (vendor) => pending && vendor === 'vr',
    stopReason: () => undefined,
    context: () => testContext({}, { ownership: null }),
  });
  const JSON_CONFIG = { pairing: { id: 'PAIRING-1' }, vm: { name: 'web-01' }, target: { datastore: 'ds-b-gold' }, settings: { rpo_minutes: 15 } };

  test('a create plans with every default, as with a known block; without the block it says the block is missing', async () => {
    const type = new ResourceType(await kindFor('vr.replication')).bind(runtime(true));
    const config = configOf(type, JSON_CONFIG);
    const plan = await type.plan(null, config, config, undefined);
    expect(plan.diagnostics).toEqual([]);
    expect(objectOf(plan.planned).settings).toMatchObject({ rpo_minutes: 15, auto_replicate_new_disks: true });
    expect(objectOf(plan.planned).id).toBe(UNKNOWN);
    const without = new ResourceType(await kindFor('vr.replication')).bind(runtime(false));
    const refused = await without.plan(null, config, config, undefined);
    expect(refused.diagnostics.map((d) => d.summary)).toEqual(['connection: not set, and the provider configuration has no vr block']);
  });

  test('a refresh keeps the stored state and warns that it was not refreshed', async () => {
    const type = new ResourceType(await kindFor('vr.replication')).bind(runtime(true));
    const stored: ObjectValue = { ...configOf(type, JSON_CONFIG), id: 'GID-1', status: 'OK' };
    const read = await type.read(stored, undefined);
    expect(read.state).toBe(stored);
    expect(read.diagnostics.map((d) => [d.severity, d.summary])).toEqual([['WARNING', "repliform_vr_replication: not refreshed, the provider's vr block is not known until apply"]]);
  });

  test('bad known values of the resource are still errors', async () => {
    const type = new ResourceType(await kindFor('vr.replication')).bind(runtime(true));
    const config = configOf(type, { ...JSON_CONFIG, settings: { rpo_minutes: 3 } });
    const plan = await type.plan(null, config, config, undefined);
    expect(plan.diagnostics.map((d) => d.summary)).toEqual(['settings.rpo_minutes: must be an integer between 5 and 1440 minutes, got 3']);
  });
});

test('a data source read while the provider block is pending says so, and how to give it a connection', async () => {
  const pairing = (await loadDataSourceTypes()).get('repliform_vr_pairing');
  if (!pairing) throw new Error('no repliform_vr_pairing data source');
  pairing.bind({ connectionFor: () => undefined, connectionPending: () => true, stopReason: () => undefined, context: () => testContext({}, { ownership: null }) });
  const config = objectValueOf({ remote_site: 'vc-b.example.local' }, pairing.arguments) as ObjectValue;
  const read = await pairing.read(config);
  expect(read.diagnostics.map((d) => d.summary)).toEqual(["connection: the provider's vr block is not known until apply, and repliform_vr_pairing is read at plan time"]);
});
