/**
 * Escaping for the Markdown report. Every value that comes from code or the API (VM, site, datastore and
 * stack names, change texts, live findings, errors) goes through `text` (inline text) or `code` (a code
 * span), so that a backtick, `*`, `<b>`, `|` or a newline in a name shows as itself, in a table cell as
 * much as in a list item, and never breaks the comment's structure.
 */

/** Control characters and line or paragraph separators: a newline in a name must not end a row or a list item. */
const BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Bidirectional overrides, which would show a name reordered. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** Characters with a meaning in GitHub Markdown or HTML, written as numeric character references. */
const SPECIAL = /[\\`*_[\]<>&|~#$]/g;

/** One line of visible characters. */
export function oneLine(value: string): string {
  return value.replace(BREAKING, ' ').replace(BIDI, '\ufffd');
}

/** A zero-width joiner: invisible, and GitHub no longer reads what it follows as a mention or a reference. */
const JOINER = '\u200d';

/** Characters as references, without defusing mentions (for `<code>`, where GitHub links nothing). */
function escaped(value: string): string {
  return oneLine(value).replace(SPECIAL, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Inline text shown literally: Markdown and HTML characters become character references, which GitHub
 * decodes after parsing (so `&#42;` is a `*`, never emphasis, and `&#124;` never splits a table cell).
 * `$` is included so that math does not start. GitHub links mentions and issue references in the decoded
 * text, so `@name` (a ping) and `#12` (a cross-reference) get a zero-width joiner after `@` or `#`.
 */
export function text(value: string): string {
  return escaped(value).replace(/@/g, `@${JOINER}`).replace(/&#35;(?=\d)/g, `&#35;${JOINER}`);
}

/** A value a plain backtick code span shows as is, also inside a table cell. */
function plainCode(value: string): boolean {
  return /^[^\s`|\\](?:[^`|\\]*[^\s`|\\])?$/.test(value);
}

/**
 * A code span. Most names (`web-01`, `terraform_data.web-01_settings_6BFEF85A`) get backticks; one with a
 * backtick, a pipe, a backslash or outer spaces gets `<code>` with every special character escaped,
 * which holds in tables too (where a pipe would otherwise split the cell even inside backticks).
 */
export function code(value: string): string {
  const line = oneLine(value);
  return plainCode(line) ? `\`${line}\`` : `<code>${escaped(line)}</code>`;
}

/** A table cell: escaped content never holds a pipe or a newline; this only guards what is not escaped. */
export function cell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

const MASK_START = '\uE000';
const MASK_END = '\uE001';

/**
 * A sentence of our own wording in which backticks mark code (`retired: true`), with `values` from code
 * or the API interpolated into it (e.g. a VM name in a drift message). Each value holding a backtick is
 * masked first, so that only our own backticks open and close code spans; then code spans go through
 * `code` and the rest through `text`.
 */
export function sentence(words: string, values: readonly string[]): string {
  const masked = [...new Set(values.filter((value) => value.includes('`')))].sort((a, b) => b.length - a.length);
  let source = words;
  masked.forEach((value, index) => {
    source = source.split(value).join(`${MASK_START}${index}${MASK_END}`);
  });
  const unmask = (part: string): string => part.replace(/\uE000(\d+)\uE001/g, (all: string, index: string) => masked[Number(index)] ?? all);
  const parts = source.split('`');
  if (parts.length % 2 === 0) return text(unmask(source)); // an unpaired backtick of ours: all text
  return parts.map((part, index) => (index % 2 === 1 ? code(unmask(part)) : text(unmask(part)))).join('');
}
