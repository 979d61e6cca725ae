/**
 * The banner `repliform simulator` prints is what a new user pastes into the shell that runs Terraform (README
 * step 3): every service's endpoint and the credentials it accepts, as `export` lines the examples read — and
 * the repliform clients, given only those lines, log in to each service.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SdrsClient } from '../../lib/client/sdrs';
import { VcdaClient } from '../../lib/client/vcda';
import { VrClient } from '../../lib/client/vr';
import { runSimulatorCli, type SimulatorCliIo } from '../../src/simulator/cli';
import type { RunningSimulator } from '../../src/simulator';
import { withSimulator } from '../helpers/simulator';

async function startWithBanner(env: NodeJS.ProcessEnv): Promise<{ sim: RunningSimulator; lines: string[]; close(): Promise<void> }> {
  const lines: string[] = [];
  const io: SimulatorCliIo = { out: (line) => lines.push(line), err: () => undefined, env, onSignal: () => undefined };
  const sim = await runSimulatorCli(['--task-delay-ms', '10'], io);
  return { sim, lines, close: () => sim.close() };
}

/** The variables the banner's `export NAME='value'` lines set, as a shell would read them. */
function exportsOf(lines: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of lines) {
    const match = /^\s*export ([A-Z0-9_]+)='((?:[^']|'\\'')*)'$/.exec(line);
    if (match) env[match[1]] = match[2].replace(/'\\''/g, "'");
  }
  return env;
}

/** The banner README step 3 shows (the `text` block after "Start the simulator"). */
function readmeBanner(): string {
  const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const step = readme.slice(readme.indexOf('**3. Start the simulator**'));
  const block = /```text\n([\s\S]*?)\n```/.exec(step);
  if (!block) throw new Error('README step 3 shows no banner');
  return block[1];
}

function required(env: Record<string, string>, name: string): string {
  const value = env[name];
  if (value === undefined) throw new Error(`the banner exports no ${name}`);
  return value;
}

describe('the simulator banner', () => {
  it('prints every service with its endpoint and the credentials it accepts, as export lines', async () => {
    await withSimulator(() => startWithBanner({}), async ({ sim, lines }) => {
      expect(lines.join('\n')).toBe(
        [
          `repliform simulator listening on ${sim.url} (VR, VCDA and SDRS; the lines below are for the shell that runs Terraform)`,
          `# vSphere Replication (VR): API at ${sim.url}/api/rest/vr/v2; site A (local) and site B (remote)`,
          `  export VR_ENDPOINT='${sim.url}'`,
          "  export VR_SITE_A_USER='administrator@vsphere.local'",
          "  export VR_SITE_A_PASSWORD='Sim-Site-A-Passw0rd!'",
          "  export VR_SITE_B_USER='administrator@vsphere.local'",
          "  export VR_SITE_B_PASSWORD='Sim-Site-B-Passw0rd!'",
          `# Cloud Director Availability (VCDA): API at ${sim.url}/vcda; site1 (local, org1) and site2 (org2, for /sessions/extend)`,
          `  export VCDA_ENDPOINT='${sim.url}/vcda'`,
          "  export VCDA_SITE1_USER='vcda-admin@org1'",
          "  export VCDA_SITE1_PASSWORD='Sim-Vcda-Site1-Passw0rd!'",
          "  export VCDA_SITE2_USER='vcda-admin@org2'",
          "  export VCDA_SITE2_PASSWORD='Sim-Vcda-Site2-Passw0rd!'",
          "  # also accepted: loginType LOCAL_USER root / 'Sim-Vcda-Root-Passw0rd!', SSO_CREDENTIALS administrator@vsphere.local / 'Sim-Vcda-Sso-Passw0rd!'",
          `# Huawei Cloud SDRS: API at ${sim.url}/sdrs/v1/{project_id}; AK/SK signatures (Credentials.fromEnvAkSk)`,
          `  export SDRS_ENDPOINT='${sim.url}/sdrs'`,
          "  export SDRS_PROJECT_ID='0605767a3300d5762fb7c0186d9e1779'",
          "  export HW_AK='SIM-AK-SDRS0000000000001'",
          "  export HW_SK='Sim-Sdrs-Secret-Key-0000000000000000001'",
          "  # also accepted: X-Auth-Token 'MIIsim-sdrs-test-token' (Credentials.fromEnvToken)",
          '# set the user, password and key variables before starting the simulator to change what it accepts',
        ].join('\n'),
      );
    });
  });

  it('is the one README step 3 shows (at --port 8443)', async () => {
    await withSimulator(() => startWithBanner({}), async ({ sim, lines }) => {
      expect(lines.join('\n').split(sim.url).join('http://127.0.0.1:8443')).toBe(readmeBanner());
    });
  });

  it('lets the repliform clients log in to VR, VCDA and SDRS with nothing but the exported lines', async () => {
    await withSimulator(() => startWithBanner({}), async ({ lines }) => {
      const env = exportsOf(lines);
      const vr = new VrClient({
        endpoint: required(env, 'VR_ENDPOINT'),
        credentials: { username: required(env, 'VR_SITE_A_USER'), password: required(env, 'VR_SITE_A_PASSWORD') },
        remoteCredentials: { username: required(env, 'VR_SITE_B_USER'), password: required(env, 'VR_SITE_B_PASSWORD') },
        retry: { maxAttempts: 1 },
      });
      const vcda = new VcdaClient({
        endpoint: required(env, 'VCDA_ENDPOINT'),
        credentials: { username: required(env, 'VCDA_SITE1_USER'), password: required(env, 'VCDA_SITE1_PASSWORD') },
        remoteCredentials: { username: required(env, 'VCDA_SITE2_USER'), password: required(env, 'VCDA_SITE2_PASSWORD') },
        retry: { maxAttempts: 1 },
      });
      const sdrs = new SdrsClient({
        endpoint: required(env, 'SDRS_ENDPOINT'),
        projectId: required(env, 'SDRS_PROJECT_ID'),
        credentials: { accessKey: required(env, 'HW_AK'), secretKey: required(env, 'HW_SK') },
        retry: { maxAttempts: 1 },
      });
      try {
        for (const pairing of await vr.listPairings()) await vr.ensureRemoteSession(pairing);
        expect(vr.remoteSessionPairings).toEqual(['c0ffee00-1111-4a2b-9c3d-000000000001']);
        await vcda.extendSession('site2');
        expect((await vcda.listSites()).map((site) => site.site)).toEqual(['site1', 'site2']);
        expect(await sdrs.listProtectionGroups()).toEqual([]);
      } finally {
        await Promise.allSettled([vr.logout(), vcda.logout(), sdrs.logout()]);
      }
    });
  });

  it('accepts the credentials set in the environment when it starts, and never prints a secret it was given', async () => {
    const given = {
      VR_SITE_A_PASSWORD: 'Custom-Vr-Passw0rd!',
      VCDA_SITE1_USER: 'ops@org1',
      VCDA_SITE1_PASSWORD: 'Custom-Vcda-Passw0rd!',
      HW_AK: 'CUSTOM-AK-0001',
      HW_SK: 'Custom-Sdrs-Secret-Key-0001',
    };
    await withSimulator(() => startWithBanner(given), async ({ sim, lines }) => {
      const vcda = new VcdaClient({
        endpoint: `${sim.url}/vcda`,
        credentials: { username: given.VCDA_SITE1_USER, password: given.VCDA_SITE1_PASSWORD },
        retry: { maxAttempts: 1 },
      });
      const sdrs = new SdrsClient({
        endpoint: `${sim.url}/sdrs`,
        projectId: '0605767a3300d5762fb7c0186d9e1779',
        credentials: { accessKey: given.HW_AK, secretKey: given.HW_SK },
        retry: { maxAttempts: 1 },
      });
      const vr = new VrClient({ endpoint: sim.url, credentials: { username: 'administrator@vsphere.local', password: given.VR_SITE_A_PASSWORD }, retry: { maxAttempts: 1 } });
      try {
        const text = lines.join('\n');
        for (const secret of [given.VR_SITE_A_PASSWORD, given.VCDA_SITE1_PASSWORD, given.HW_SK]) expect(text).not.toContain(secret);
        expect(lines).toContain('  # VR_SITE_A_PASSWORD: the one set in the environment when the simulator started');
        expect(lines).toContain("  export VCDA_SITE1_USER='ops@org1'");
        expect(lines).toContain("  export HW_AK='CUSTOM-AK-0001'");
        expect(lines).toContain('  # HW_SK: the one set in the environment when the simulator started');
        await vr.login();
        await vcda.login();
        expect(await sdrs.listProtectionGroups()).toEqual([]);
      } finally {
        await Promise.allSettled([vr.logout(), vcda.logout(), sdrs.logout()]);
      }
    });
  });
});
