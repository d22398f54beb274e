// Compares a record read from a rendering with the record of the same filing's XML, on the
// fields a rendering shows: the measure of the rendering readers and the check of their tests.
import type { OwnershipRecord } from '../record/schema.ts';

export interface Mismatch {
  /** Dotted path into the record: `nonDerivativeTransactions.2.shares`. */
  path: string;
  /** The path with indices folded: `nonDerivativeTransactions[].shares`. */
  kind: string;
  expected: unknown;
  actual: unknown;
}

export interface Comparison {
  compared: number;
  mismatches: Mismatch[];
}

/**
 * Fields no rendering prints: CIKs, the schema version, a row's form type, and address parts the
 * page leaves out (the SEC stylesheet prints a state's name, not stateDescription, and a country
 * it does not take from the XML).
 */
const NOT_SHOWN = new Set([
  'schemaVersion',
  'issuer.cik',
  'reportingOwners[].cik',
  'reportingOwners[].address.stateDescription',
  'reportingOwners[].address.country',
  'reportingOwners[].address.nonUSStateTerritory',
  'reportingOwners[].address.nonUSAddress',
  'nonDerivativeTransactions[].transactionFormType',
  'nonDerivativeHoldings[].transactionFormType',
  'derivativeTransactions[].transactionFormType',
  'derivativeHoldings[].transactionFormType',
  // Early or late: the stylesheet does not print it.
  'nonDerivativeTransactions[].transactionTimeliness',
  'derivativeTransactions[].transactionTimeliness',
]);

/** Footnote keys a rendering cannot place: the row's form type is not printed. */
const FOOTNOTE_KEYS_NOT_SHOWN = new Set(['transactionFormType']);

/** Numbers within this of each other are equal: the SEC stylesheet rounds to 4 decimals. */
export const NUMBER_TOLERANCE = 1e-4;

/**
 * Compares `actual` (read from a rendering) with `expected` (read from the XML) field by field.
 * Equal means: numbers within {@link NUMBER_TOLERANCE}; text equal once runs of white space are
 * collapsed (a page does not show them); a flag's null equal to false (an unchecked box and an
 * absent flag print alike); footnote ids equal as sets per field.
 */
export function compareRecords(expected: OwnershipRecord, actual: OwnershipRecord, options: CompareOptions = {}): Comparison {
  const out: Comparison = { compared: 0, mismatches: [] };
  const notShown = options.notShown ?? NONE;
  let e = asPrinted(expected, options.expectedXml);
  let a = actual;
  if (notShown.has(LONE_STREET_LINE)) {
    e = loneStreetFirst(e);
    a = loneStreetFirst(a);
  }
  walk(e, a, '', '', out, notShown);
  return out;
}

/**
 * Which of the two street lines a lone street stands on: the page prints an empty street1 as an
 * empty first line in box 1, which a converter that drops empty lines (pandoc's plain text)
 * cannot show. With this kind not shown, a lone street compares as street1 on both sides.
 */
export const LONE_STREET_LINE = 'reportingOwners[].address.streetLine';

function loneStreetFirst(record: OwnershipRecord): OwnershipRecord {
  const lone = (o: OwnershipRecord['reportingOwners'][number]) => o.address !== null && o.address.street1 === null && o.address.street2 !== null;
  if (!record.reportingOwners.some(lone)) return record;
  return {
    ...record,
    reportingOwners: record.reportingOwners.map((o) => (lone(o) && o.address ? { ...o, address: { ...o.address, street1: o.address.street2, street2: null } } : o)),
  };
}

/**
 * The expected record as the SEC stylesheet prints it, where the page shows something else than
 * the XML holds (checked against every page of the corpus's rendered/ folder):
 *
 * - On a Form 5 the stylesheet prints no footnote mark in an empty conversion-price cell: all 56
 *   such rows of the corpus show an empty cell, while Forms 3 and 4 show the mark (1,001 rows);
 *   the corpus has no 5/A to tell whether amendments print alike.
 * - It checks the "no longer subject to Section 16" box only for `1`: the 36 XMLs of the corpus
 *   that write the word `true` all print the box unchecked (the 182 that write `1`, checked).
 *   The record does not keep the word, so this needs the XML text ({@link CompareOptions.expectedXml}).
 */
function asPrinted(expected: OwnershipRecord, xml: string | undefined): OwnershipRecord {
  let out = expected;
  if (expected.documentType === '5') {
    const unmark = <T extends { conversionOrExercisePrice: unknown; footnotes: Record<string, string[]> }>(rows: T[]): T[] =>
      rows.map((row) => {
        if (row.conversionOrExercisePrice !== null || !row.footnotes['conversionOrExercisePrice']) return row;
        const { conversionOrExercisePrice: _, ...footnotes } = row.footnotes;
        return { ...row, footnotes };
      });
    out = { ...out, derivativeTransactions: unmark(out.derivativeTransactions), derivativeHoldings: unmark(out.derivativeHoldings) };
  }
  if (xml !== undefined && out.notSubjectToSection16 === true && SECTION16_AS_WORD.test(xml)) out = { ...out, notSubjectToSection16: false };
  return out;
}

const SECTION16_AS_WORD = /<notSubjectToSection16>\s*true\s*</i;

export interface CompareOptions {
  /**
   * More kinds (`aff10b5One`, `reportingOwners[].address.street2`) not to count: fields a
   * particular rendering cannot show (a converter that drops check boxes loses their state).
   */
  notShown?: ReadonlySet<string>;
  /** The XML `expected` was read from: tells how the SEC stylesheet printed what the record normalises. */
  expectedXml?: string;
}

const NONE: ReadonlySet<string> = new Set();

function walk(expected: unknown, actual: unknown, path: string, kind: string, out: Comparison, notShown: ReadonlySet<string>): void {
  if (NOT_SHOWN.has(kind) || notShown.has(kind)) return;
  if (kind.endsWith('.footnotes') && kind !== 'footnotes') {
    footnoteMaps(expected, actual, path, kind, out);
    return;
  }
  if (Array.isArray(expected) || Array.isArray(actual)) {
    const e = Array.isArray(expected) ? expected : [];
    const a = Array.isArray(actual) ? actual : [];
    out.compared++;
    if (e.length !== a.length) out.mismatches.push({ path: path + '.length', kind: kind + '.length', expected: e.length, actual: a.length });
    for (let i = 0; i < Math.min(e.length, a.length); i++) walk(e[i], a[i], join(path, String(i)), kind + '[]', out, notShown);
    return;
  }
  if (isObject(expected) || isObject(actual)) {
    // A null object (no address given) compares as an object of nulls.
    const e = isObject(expected) ? expected : {};
    const a = isObject(actual) ? actual : {};
    const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
    for (const key of keys) walk(e[key] ?? null, a[key] ?? null, join(path, key), join(kind, key), out, notShown);
    return;
  }
  out.compared++;
  if (!sameValue(expected, actual)) out.mismatches.push({ path, kind, expected, actual });
}

function footnoteMaps(expected: unknown, actual: unknown, path: string, kind: string, out: Comparison): void {
  const e = (isObject(expected) ? expected : {}) as Record<string, string[]>;
  const a = (isObject(actual) ? actual : {}) as Record<string, string[]>;
  const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
  for (const key of keys) {
    if (FOOTNOTE_KEYS_NOT_SHOWN.has(key)) continue;
    out.compared++;
    const es = [...new Set(e[key] ?? [])].sort();
    const as = [...new Set(a[key] ?? [])].sort();
    if (es.join(',') !== as.join(',')) out.mismatches.push({ path: join(path, key), kind: join(kind, key), expected: es, actual: as });
  }
}

function sameValue(expected: unknown, actual: unknown): boolean {
  if (expected === actual) return true;
  if (typeof expected === 'boolean' || typeof actual === 'boolean') {
    return (expected ?? false) === (actual ?? false);
  }
  if (typeof expected === 'number' && typeof actual === 'number') return Math.abs(expected - actual) <= NUMBER_TOLERANCE;
  if (typeof expected === 'string' && typeof actual === 'string') return squash(expected) === squash(actual);
  return false;
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function join(a: string, b: string): string {
  return a === '' ? b : `${a}.${b}`;
}
