/**
 * The claim steps of the reconcile core: an existing object is refused unless ours or adopted, refused when its
 * identity differs, and taken up quietly (ours) or announced and recorded (adopted). The ownership strategy's
 * answer and the recording are the kind's; here a list of records stands for this machine's.
 */
import { claimExisting, type Claim, type TakeUp } from '../../src/resources/core/claim';
import { isInputError } from '../../src/resources/errors';
import { testContext } from '../helpers/context';

const records: string[] = [];
const takeUp: TakeUp = {
  oursNote: 'already replicated (replication R-1) by this code',
  taken: 'replication R-1',
  consequences: 'from now on its destroy applies to it',
  record: () => records.push('app/web-01'),
};

function claim(ours: boolean, adopt: boolean, recorded?: string): Claim {
  return { subject: 'web-01', object: 'replication R-1, GREEN', claimant: 'app/web-01', adopt, ownership: { ours, recorded: recorded === undefined ? undefined : { owner: recorded, where: 'its description' } } };
}

const matching = { differences: [], mismatch: () => new Error('not called') };

beforeEach(() => records.splice(0));

test("someone else's object without adopt is refused, naming who made it and where that was read; nothing is recorded", () => {
  const ctx = testContext();
  let refused: unknown;
  try {
    claimExisting(claim(false, false, 'other/web-01'), matching, takeUp, ctx);
  } catch (error) {
    refused = error;
  }
  expect(isInputError(refused) && refused.field).toBe('adopt');
  expect((refused as Error).message).toContain('web-01 is already replicated (replication R-1, GREEN) by something other than app/web-01 (created by other/web-01, according to its description)');
  expect(records).toEqual([]);
  expect(ctx.lines).toEqual([]);
});

test('an identity that differs is refused with the kind’s error, ours or adopted', () => {
  for (const [ours, adopt] of [[true, false], [false, true]] as const) {
    expect(() => claimExisting(claim(ours, adopt), { differences: ['datastore "a" (code: "b")'], mismatch: (d) => new Error(`differs: ${d.join('; ')}`) }, takeUp, testContext())).toThrow('differs: datastore "a" (code: "b")');
  }
  expect(records).toEqual([]);
});

test('ours is taken up with an info line and nothing recorded', () => {
  const ctx = testContext();
  claimExisting(claim(true, false), matching, takeUp, ctx);
  expect(ctx.lines).toEqual(['info: web-01: already replicated (replication R-1) by this code; taking it up']);
  expect(records).toEqual([]);
});

test('an adoption is announced, naming the previous owner, and recorded', () => {
  const ctx = testContext();
  claimExisting(claim(false, true, 'other/web-01'), matching, takeUp, ctx);
  expect(ctx.lines).toEqual([
    'warn: web-01: ADOPTING replication R-1, which this code did not create (adopt: true), from other/web-01 (its description); from now on its destroy applies to it. ' +
      'other/web-01 no longer manages it: its next plan drops it from its state, and its apply or destroy leaves it as it is',
  ]);
  expect(records).toEqual(['app/web-01']);
});
