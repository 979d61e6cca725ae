/**
 * DynamicValue codec: Terraform values ⇄ the bytes of tfplugin6's `DynamicValue`, as
 * specs/terraform-plugin-protocol/object-wire-format.md describes them. MessagePack both ways (unknown values
 * are extension type 0; 12, a "refined unknown", and any other extension decode as unknown too); JSON on
 * input only (DynamicValue.json, UpgradeResourceState's raw state). Every value is walked along its cty type,
 * so a value that does not fit its type is an error naming the attribute path.
 *
 * Calls no endpoint.
 */
import { Decoder, Encoder, ExtData, ExtensionCodec } from '@msgpack/msgpack';
import { isObjectValue, UNKNOWN, type TfType, type TfValue } from './values';

/** msgpack extension type of an unknown value (cty's "unknown"), and of one with refinements (cty ≥ 1.13). */
const UNKNOWN_EXT = 0;
const REFINED_UNKNOWN_EXT = 12;
/** cty writes an unknown value as fixext1, type 0, one zero byte: so do we. */
const UNKNOWN_PAYLOAD = new Uint8Array([0]);

const extensionCodec = new ExtensionCodec();
extensionCodec.register({
  type: UNKNOWN_EXT,
  encode: (input: unknown) => (input === UNKNOWN ? UNKNOWN_PAYLOAD : null),
  decode: () => UNKNOWN,
});
extensionCodec.register({
  type: REFINED_UNKNOWN_EXT,
  encode: () => null,
  decode: () => UNKNOWN,
});

const encoder = new Encoder({ extensionCodec });
const decoder = new Decoder({ extensionCodec });

export interface WireValue {
  readonly msgpack?: Buffer | Uint8Array | null;
  readonly json?: Buffer | Uint8Array | null;
}

/** An attribute path as Terraform users read it: `settings.rpo_minutes`, `disks[0]`, `tags["env"]`. */
type Path = readonly (string | number)[];

export function formatPath(path: Path): string {
  if (path.length === 0) return '(the whole value)';
  return path
    .map((step, index) => {
      if (typeof step === 'number') return `[${step}]`;
      return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(step) ? (index === 0 ? step : `.${step}`) : `[${JSON.stringify(step)}]`;
    })
    .join('');
}

export class CodecError extends Error {
  constructor(
    readonly path: Path,
    problem: string,
  ) {
    super(`${formatPath(path)}: ${problem}`);
    this.name = 'CodecError';
  }
}

function describe(raw: unknown): string {
  if (raw === null || raw === undefined) return 'null';
  if (raw === UNKNOWN) return 'an unknown value';
  if (Array.isArray(raw)) return `a list of ${raw.length}`;
  if (raw instanceof Uint8Array) return `${raw.length} bytes`;
  if (typeof raw === 'object') return 'an object';
  if (typeof raw === 'string') return `the string ${JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw)}`;
  return `${typeof raw} ${String(raw)}`;
}

function typeName(type: TfType): string {
  return typeof type === 'string' ? type : type[0] === 'object' ? 'object' : `${type[0]} of ${typeName(type[1])}`;
}

function mismatch(path: Path, type: TfType, raw: unknown): CodecError {
  return new CodecError(path, `expected ${typeName(type)}, got ${describe(raw)}`);
}

// ---------------------------------------------------------------------------------------------- encoding

/** The msgpack bytes of `value` as a value of `type` (every object attribute present, in the type's order). */
export function encodeValue(value: TfValue, type: TfType): Buffer {
  const bytes = encoder.encode(toWire(value, type, []));
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function toWire(value: TfValue | undefined, type: TfType, path: Path): unknown {
  if (value === null || value === undefined) return null;
  if (value === UNKNOWN) return UNKNOWN;
  if (typeof type === 'string') return primitiveToWire(value, type, path);
  const [kind, element] = type;
  if (kind === 'object') return objectToWire(value, element, path);
  if (kind === 'map') {
    if (!isObjectValue(value)) throw mismatch(path, type, value);
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toWire(item, element, [...path, key])]));
  }
  if (!Array.isArray(value)) throw mismatch(path, type, value);
  return (value as readonly TfValue[]).map((item, index) => toWire(item, element, [...path, index]));
}

function primitiveToWire(value: TfValue, type: 'string' | 'number' | 'bool' | 'dynamic', path: Path): unknown {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') throw mismatch(path, type, value);
      return value;
    case 'bool':
      if (typeof value !== 'boolean') throw mismatch(path, type, value);
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw mismatch(path, type, value);
      return value; // the encoder writes safe integers as msgpack ints, the rest as float64
    case 'dynamic':
      throw new CodecError(path, 'encoding a value of type "dynamic" is not supported (no repliform schema uses one)');
  }
}

function objectToWire(value: TfValue, attributes: { readonly [attribute: string]: TfType }, path: Path): unknown {
  if (!isObjectValue(value)) throw mismatch(path, ['object', attributes], value);
  const extra = Object.keys(value).find((name) => !Object.hasOwn(attributes, name));
  if (extra !== undefined) throw new CodecError([...path, extra], `no such attribute in the schema (attributes: ${Object.keys(attributes).join(', ')})`);
  const wire: Record<string, unknown> = {};
  for (const [name, attributeType] of Object.entries(attributes)) wire[name] = toWire(Object.hasOwn(value, name) ? value[name] : null, attributeType, [...path, name]);
  return wire;
}

// ---------------------------------------------------------------------------------------------- decoding

type Format = 'msgpack' | 'json';

/** The value a DynamicValue holds, as a value of `type`: msgpack if present, else JSON. Empty → null. */
export function decodeValue(dv: WireValue, type: TfType): TfValue {
  if (dv.msgpack && dv.msgpack.length > 0) return fromWire(decodeMsgpack(dv.msgpack), type, [], 'msgpack');
  if (dv.json && dv.json.length > 0) return decodeJson(dv.json, type);
  return null;
}

/** JSON bytes (DynamicValue.json, RawState.json) as a value of `type`. */
export function decodeJson(json: Buffer | Uint8Array | string, type: TfType): TfValue {
  const text = typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CodecError([], `not valid JSON: ${(error as Error).message}`);
  }
  return fromWire(raw, type, [], 'json');
}

function decodeMsgpack(bytes: Buffer | Uint8Array): unknown {
  try {
    return decoder.decode(bytes);
  } catch (error) {
    throw new CodecError([], `not valid MessagePack: ${(error as Error).message}`);
  }
}

function fromWire(raw: unknown, type: TfType, path: Path, format: Format): TfValue {
  if (raw === null || raw === undefined) return null;
  // Any extension type stands for an unknown value (object-wire-format.md); 0 and 12 are decoded as such already.
  if (raw === UNKNOWN || raw instanceof ExtData) return UNKNOWN;
  if (typeof type === 'string') return primitiveFromWire(raw, type, path, format);
  const [kind, element] = type;
  if (kind === 'object') return objectFromWire(raw, element, path, format);
  if (kind === 'map') {
    if (!isPlainObject(raw)) throw mismatch(path, type, raw);
    return Object.fromEntries(Object.entries(raw).map(([key, item]) => [key, fromWire(item, element, [...path, key], format)]));
  }
  if (!Array.isArray(raw)) throw mismatch(path, type, raw);
  return raw.map((item: unknown, index) => fromWire(item, element, [...path, index], format));
}

function isPlainObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !(raw instanceof Uint8Array);
}

function primitiveFromWire(raw: unknown, type: 'string' | 'number' | 'bool' | 'dynamic', path: Path, format: Format): TfValue {
  switch (type) {
    case 'string':
      if (typeof raw !== 'string') throw mismatch(path, type, raw);
      return raw;
    case 'bool':
      if (typeof raw !== 'boolean') throw mismatch(path, type, raw);
      return raw;
    case 'number':
      return numberFromWire(raw, path);
    case 'dynamic':
      return dynamicFromWire(raw, path, format);
  }
}

/** cty writes a number as an int, a float, or — when a float64 cannot hold it — a decimal string. */
function numberFromWire(raw: unknown, path: Path): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'bigint') return Number(raw);
  if (typeof raw === 'string' && /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw.trim())) {
    const parsed = Number(raw.trim());
    if (Number.isFinite(parsed)) return parsed;
  }
  throw mismatch(path, 'number', raw);
}

/** A "dynamic" value carries its own type: msgpack `[type JSON bytes, value]`, JSON `{"type", "value"}`. */
function dynamicFromWire(raw: unknown, path: Path, format: Format): TfValue {
  if (format === 'msgpack') {
    if (!Array.isArray(raw) || raw.length !== 2) throw new CodecError(path, `expected a dynamic value [type, value], got ${describe(raw)}`);
    const [typeBytes, value] = raw as [unknown, unknown];
    const typeJson = typeBytes instanceof Uint8Array ? Buffer.from(typeBytes).toString('utf8') : typeBytes;
    if (typeof typeJson !== 'string') throw new CodecError(path, `expected the type of a dynamic value as JSON bytes, got ${describe(typeBytes)}`);
    return fromWire(value, parseType(typeJson, path), path, format);
  }
  if (!isPlainObject(raw) || !('type' in raw)) throw new CodecError(path, `expected a dynamic value {"type", "value"}, got ${describe(raw)}`);
  return fromWire(raw.value, checkType(raw.type, path), path, format);
}

function parseType(json: string, path: Path): TfType {
  try {
    return checkType(JSON.parse(json) as unknown, path);
  } catch (error) {
    if (error instanceof CodecError) throw error;
    throw new CodecError(path, `the type of a dynamic value is not JSON: ${JSON.stringify(json)}`);
  }
}

/** A cty type in its JSON notation, checked (tuples are not supported: no repliform schema uses them). */
export function checkType(raw: unknown, path: Path = []): TfType {
  if (raw === 'string' || raw === 'number' || raw === 'bool' || raw === 'dynamic') return raw;
  if (Array.isArray(raw) && raw.length === 2) {
    const [kind, argument] = raw as [unknown, unknown];
    if (kind === 'list' || kind === 'set' || kind === 'map') return [kind, checkType(argument, path)];
    if (kind === 'object' && isPlainObject(argument)) {
      return ['object', Object.fromEntries(Object.entries(argument).map(([name, attribute]) => [name, checkType(attribute, [...path, name])]))];
    }
  }
  throw new CodecError(path, `unsupported type ${JSON.stringify(raw)} (string, number, bool, dynamic, list, set, map, object)`);
}

function objectFromWire(raw: unknown, attributes: { readonly [attribute: string]: TfType }, path: Path, format: Format): TfValue {
  if (!isPlainObject(raw)) throw mismatch(path, ['object', attributes], raw);
  const extra = Object.keys(raw).find((name) => !Object.hasOwn(attributes, name));
  if (extra !== undefined) throw new CodecError([...path, extra], `no such attribute in the schema (attributes: ${Object.keys(attributes).join(', ')})`);
  const value: Record<string, TfValue> = {};
  for (const [name, attributeType] of Object.entries(attributes)) value[name] = fromWire(Object.hasOwn(raw, name) ? raw[name] : null, attributeType, [...path, name], format);
  return value;
}
