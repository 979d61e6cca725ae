/**
 * Variations of the recorded plans, made by rewriting values in their JSON: hostile names (a name is
 * replaced wherever it is a whole value, never inside an address) and the sites of a pairing.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface PlanRewrite {
  /** Whole string values to replace, e.g. `{ 'db-01': 'db`01' }`. */
  readonly values?: Readonly<Record<string, string>>;
  /** A new appliance endpoint for every connection. */
  readonly endpoint?: string;
  /** `connection.local_site` for every connection (what VrPairing `localSite` synthesizes). */
  readonly localSite?: string;
}

function isObject(value: Json): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function rewrite(value: Json, change: PlanRewrite): Json {
  if (typeof value === 'string') return change.values?.[value] ?? value;
  if (Array.isArray(value)) return value.map((item) => rewrite(item, change));
  if (!isObject(value)) return value;
  const out: { [key: string]: Json } = {};
  for (const [key, item] of Object.entries(value)) out[key] = rewrite(item, change);
  const connection = out.connection;
  if (isObject(connection) && typeof connection.endpoint === 'string') {
    out.connection = {
      ...connection,
      ...(change.endpoint === undefined ? {} : { endpoint: change.endpoint }),
      ...(change.localSite === undefined ? {} : { local_site: change.localSite }),
    };
  }
  return out;
}

/** The plan JSON text with the rewrite applied. */
export function rewritePlan(planText: string, change: PlanRewrite): string {
  return JSON.stringify(rewrite(JSON.parse(planText) as Json, change));
}

/**
 * Names a user or an appliance could really give, each breaking some syntax of the report: a backtick
 * (code spans), `*` `_` `~` (emphasis), HTML, a pipe (tables), a newline, a Mermaid entity, a quote,
 * a bidirectional override.
 */
export const HOSTILE_NAMES: Readonly<Record<string, string>> = {
  'db-01': 'db`01 *x* <b>bold</b> | [l](u)',
  'app-01': '``app``\n_01_ ~~s~~ #quot; $x$',
  'web-01': 'web|01 <script>alert(1)</script> \\ \u202eevil',
  'ds-b-silver': 'ds-*silver* <img src=x onerror=alert(1)> | `tick` &amp; ```',
  'vc-b.example.local': 'vc-b "site" | <i>B</i> `b` #35; -->',
};

/** What a hostile name looks like once rendered: one line, bidirectional overrides replaced. */
export function shownAs(name: string): string {
  return name.replace(/\n/g, ' ').replace(/\u202e/g, '\ufffd');
}
