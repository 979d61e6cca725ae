/**
 * The DynamicValue codec against bytes built by hand the way Terraform (cty's msgpack encoder) writes them,
 * and round trips through it.
 */
import { encode as msgpackEncode, ExtData } from '@msgpack/msgpack';
import { decodeJson, decodeValue, encodeValue } from '../../src/provider/codec';
import { UNKNOWN, type TfType, type TfValue } from '../../src/provider/values';

const replicationType: TfType = [
  'object',
  {
    id: 'string',
    vm: ['object', { name: 'string', id: 'string' }],
    settings: ['object', { rpo_minutes: 'number', quiesce: 'bool' }],
    disks: ['list', ['object', { key: 'number', datastore: 'string' }]],
    tags: ['map', 'string'],
    zones: ['set', 'string'],
  },
];

/** Concatenates hex fragments (spaces ignored) into a Buffer. */
function hex(...parts: string[]): Buffer {
  return Buffer.from(parts.join('').replace(/\s+/g, ''), 'hex');
}

/** msgpack fixstr of an ASCII string, as hex. */
function str(text: string): string {
  return (0xa0 + text.length).toString(16) + Buffer.from(text, 'ascii').toString('hex');
}

const UNKNOWN_HEX = 'd4 00 00'; // fixext1, type 0, one zero byte: what cty writes for an unknown value

describe('decodeValue (msgpack, as Terraform sends it)', () => {
  it('decodes an object whose attribute is unknown (extension type 0)', () => {
    const bytes = hex('82', str('id'), UNKNOWN_HEX, str('name'), str('web-01'));
    expect(decodeValue({ msgpack: bytes }, ['object', { id: 'string', name: 'string' }])).toEqual({ id: UNKNOWN, name: 'web-01' });
  });

  it('decodes a refined unknown (extension type 12 with a refinement map) and any other extension as unknown', () => {
    // ext8, 3 bytes, type 12: {1: false} — "definitely not null"
    const refined = hex('82', str('a'), 'c7 03 0c 81 01 c2', str('b'), 'd4 07 00');
    expect(decodeValue({ msgpack: refined }, ['object', { a: 'string', b: 'number' }])).toEqual({ a: UNKNOWN, b: UNKNOWN });
  });

  it('decodes a wholly unknown value and a null one', () => {
    expect(decodeValue({ msgpack: hex(UNKNOWN_HEX) }, replicationType)).toBe(UNKNOWN);
    expect(decodeValue({ msgpack: hex('c0') }, replicationType)).toBeNull();
    expect(decodeValue({}, replicationType)).toBeNull();
  });

  it('gives missing object attributes as null, nested objects, lists, sets and maps', () => {
    const bytes = msgpackEncode({
      vm: { name: 'web-01', id: null },
      settings: { rpo_minutes: 15, quiesce: true },
      disks: [{ key: 2000, datastore: 'ds-b' }],
      tags: { env: 'prod', 'team name': 'dr' },
      zones: ['a', 'b'],
    });
    expect(decodeValue({ msgpack: bytes }, replicationType)).toEqual({
      id: null,
      vm: { name: 'web-01', id: null },
      settings: { rpo_minutes: 15, quiesce: true },
      disks: [{ key: 2000, datastore: 'ds-b' }],
      tags: { env: 'prod', 'team name': 'dr' },
      zones: ['a', 'b'],
    });
  });

  it('decodes numbers sent as ints, float64, int64 and decimal strings', () => {
    const type: TfType = ['list', 'number'];
    // fixarray of 5: 7, -3 (negative fixint), 1.5 (float64), 2^40 (uint64), "1e3" (a string cty uses for big numbers)
    const bytes = hex('95', '07', 'fd', 'cb 3ff8000000000000', 'cf 0000010000000000', str('1e3'));
    expect(decodeValue({ msgpack: bytes }, type)).toEqual([7, -3, 1.5, 2 ** 40, 1000]);
    expect(decodeValue({ msgpack: msgpackEncode(['123456789012345678901234567890']) }, type)).toEqual([1.2345678901234568e29]);
  });

  it('decodes a dynamic value [type JSON bytes, value]', () => {
    const bytes = msgpackEncode([Buffer.from('["object",{"a":"number"}]'), { a: 3 }]);
    expect(decodeValue({ msgpack: bytes }, 'dynamic')).toEqual({ a: 3 });
  });

  it('names the attribute path of a value that does not fit its type', () => {
    const bytes = msgpackEncode({ settings: { rpo_minutes: 'fifteen', quiesce: true } });
    expect(() => decodeValue({ msgpack: bytes }, replicationType)).toThrow('settings.rpo_minutes: expected number, got the string "fifteen"');
    const disks = msgpackEncode({ disks: [{ key: 1, datastore: 'x' }, { key: 2, datastore: 7 }] });
    expect(() => decodeValue({ msgpack: disks }, replicationType)).toThrow('disks[1].datastore: expected string, got number 7');
    const extra = msgpackEncode({ vm: { name: 'a', uuid: 'b' } });
    expect(() => decodeValue({ msgpack: extra }, replicationType)).toThrow('vm.uuid: no such attribute in the schema (attributes: name, id)');
    expect(() => decodeValue({ msgpack: hex('c1') }, 'string')).toThrow(/not valid MessagePack/);
  });
});

describe('decodeValue (JSON fallback)', () => {
  it('decodes DynamicValue.json through the same type walk, dynamic as {"type","value"}', () => {
    const json = Buffer.from(JSON.stringify({ vm: { name: 'web-01' }, settings: { rpo_minutes: 10, quiesce: null }, tags: { a: 'b' } }));
    expect(decodeValue({ json }, replicationType)).toEqual({
      id: null,
      vm: { name: 'web-01', id: null },
      settings: { rpo_minutes: 10, quiesce: null },
      disks: null,
      tags: { a: 'b' },
      zones: null,
    });
    expect(decodeJson('{"type":["list","string"],"value":["x"]}', 'dynamic')).toEqual(['x']);
  });

  it('prefers msgpack when both are set, and names the path of a JSON mismatch', () => {
    expect(decodeValue({ msgpack: msgpackEncode('m'), json: Buffer.from('"j"') }, 'string')).toBe('m');
    expect(() => decodeJson('{"zones":"a"}', replicationType)).toThrow('zones: expected set of string, got the string "a"');
    expect(() => decodeJson('{', 'string')).toThrow(/not valid JSON/);
  });
});

describe('encodeValue', () => {
  it('writes an unknown value as fixext1 type 0 with one zero byte, as cty does', () => {
    expect(encodeValue(UNKNOWN, 'string').toString('hex')).toBe('d40000');
  });

  it('writes every attribute of the type, in the type order, missing ones as nil', () => {
    const bytes = encodeValue({ name: 'web-01' }, ['object', { id: 'string', name: 'string' }]);
    expect(bytes).toEqual(hex('82', str('id'), 'c0', str('name'), str('web-01')));
  });

  it('writes an object with an unknown attribute the way Terraform would send it', () => {
    const bytes = encodeValue({ name: 'web-01', id: UNKNOWN }, ['object', { id: 'string', name: 'string' }]);
    expect(bytes).toEqual(hex('82', str('id'), UNKNOWN_HEX, str('name'), str('web-01')));
  });

  it('writes integers as msgpack ints and other numbers as float64', () => {
    expect(encodeValue([15, -1, 1.5, 2 ** 53 + 2], ['list', 'number'])).toEqual(hex('94', '0f', 'ff', 'cb 3ff8000000000000', 'cb 4340000000000001'));
  });

  it('writes lists and sets as arrays and maps as maps', () => {
    expect(encodeValue(['a'], ['set', 'string'])).toEqual(hex('91', str('a')));
    expect(encodeValue({ k: true }, ['map', 'bool'])).toEqual(hex('81', str('k'), 'c3'));
  });

  it('refuses a value that does not fit its type, naming the path, and any dynamic value', () => {
    expect(() => encodeValue({ settings: { rpo_minutes: '15' } }, replicationType)).toThrow('settings.rpo_minutes: expected number, got the string "15"');
    expect(() => encodeValue({ vm: { uuid: 'x' } }, replicationType)).toThrow('vm.uuid: no such attribute in the schema');
    expect(() => encodeValue({ tags: { 'a b': 1 } }, replicationType)).toThrow('tags["a b"]: expected string, got number 1');
    expect(() => encodeValue(Number.NaN, 'number')).toThrow('(the whole value): expected number, got number NaN');
    expect(() => encodeValue('x', 'dynamic')).toThrow(/"dynamic" is not supported/);
  });

  it('round-trips nested values with nulls and unknowns', () => {
    const value: TfValue = {
      id: 'rep-1',
      vm: { name: 'web-01', id: UNKNOWN },
      settings: { rpo_minutes: 5, quiesce: null },
      disks: [{ key: 2000, datastore: 'ds' }, { key: UNKNOWN, datastore: null }],
      tags: {},
      zones: [],
    };
    expect(decodeValue({ msgpack: encodeValue(value, replicationType) }, replicationType)).toEqual(value);
    expect(decodeValue({ msgpack: encodeValue(0.1, 'number') }, 'number')).toBe(0.1);
  });
});

it('treats an ExtData the decoder cannot map as unknown (guard for future extension codes)', () => {
  const bytes = msgpackEncode(new ExtData(5, new Uint8Array([1, 2])));
  expect(decodeValue({ msgpack: bytes }, 'string')).toBe(UNKNOWN);
});
