// Writes a record back as EDGAR ownership XML in the current schema (X0609), saying
// precisely, as issues, where the record holds what that schema does not allow.
//
// The writer never invents a value: what the record holds is written, what it lacks is
// left out. A record read from an old schema version may lack what X0609 requires (the
// Rule 10b5-1 flag `aff10b5One`, a trading symbol) or hold what X0609 forbids (a footnote on
// a derivative row's (A)/(D) code); each such place is an error-level WRITE_ issue, and
// `ok` is false, so no caller writes invalid XML without being told. Written this way,
// XML → record → XML → record gives the same record for every document the reader reads.
import { makeIssue, type IssueCode } from '../record/issues.ts';
import type {
  DerivativeHolding,
  DerivativeTransaction,
  FootnoteMap,
  Issue,
  NonDerivativeHolding,
  NonDerivativeTransaction,
  OwnershipRecord,
  ReportingOwner,
} from '../record/schema.ts';
import { isCalendarDate } from '../read/values.ts';
import { COUNTRY_CODES, STATE_CODES } from '../record/edgar-codes.ts';
import {
  escapeAttribute,
  escapeText,
  formatFlag,
  formatNumber,
  fractionDigits,
  totalDigits,
  XML_FORBIDDEN,
} from './xml-values.ts';

export const CURRENT_SCHEMA_VERSION = 'X0609';

export interface WriteOptions {
  /**
   * The `<schemaVersion>` to stamp: `X0609` by default, the schema the document is written
   * in. `null` leaves the element out, as a submission to EDGAR should (EDGAR inserts it).
   */
  schemaVersion?: string | null;
  /** Indentation of one level; two spaces by default. */
  indent?: string;
}

export interface WriteResult {
  /** False when the XML would not validate against the X0609 schema for its document type. */
  ok: boolean;
  xml: string;
  issues: Issue[];
}

/** The record as ownership XML; issues say where it breaks the X0609 schema. */
export function writeOwnership(record: OwnershipRecord, options: WriteOptions = {}): WriteResult {
  const writer = new OwnershipWriter(record, options);
  const xml = writer.write();
  return { ok: !writer.issues.some((i) => i.severity === 'error'), xml, issues: writer.issues };
}

/** The record as ownership XML (use `writeOwnership` to also get what the schema would reject). */
export function writeOwnershipXml(record: OwnershipRecord, options: WriteOptions = {}): string {
  return writeOwnership(record, options).xml;
}

// --- a small element tree, serialised at the end ---

interface XmlNode {
  name: string;
  attrs?: [string, string][];
  text?: string;
  children?: XmlNode[];
}

function serialise(node: XmlNode, depth: number, indent: string, out: string[]): void {
  const pad = indent.repeat(depth);
  const attrs = (node.attrs ?? []).map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  if (node.children && node.children.length > 0) {
    out.push(`${pad}<${node.name}${attrs}>`);
    for (const child of node.children) serialise(child, depth + 1, indent, out);
    out.push(`${pad}</${node.name}>`);
  } else if (node.text !== undefined) {
    out.push(`${pad}<${node.name}${attrs}>${escapeText(node.text)}</${node.name}>`);
  } else {
    out.push(`${pad}<${node.name}${attrs}/>`);
  }
}

// --- what each document type allows ---

type FormNumber = '3' | '4' | '5';

interface Profile {
  /** The document type as the record gives it ("4/A"), or "4" when unknown. */
  type: string;
  form: FormNumber;
  amendment: boolean;
}

const DOCUMENT_TYPES: Record<string, Profile> = {
  '3': { type: '3', form: '3', amendment: false },
  '3/A': { type: '3/A', form: '3', amendment: true },
  '4': { type: '4', form: '4', amendment: false },
  '4/A': { type: '4/A', form: '4', amendment: true },
  '5': { type: '5', form: '5', amendment: false },
  '5/A': { type: '5/A', form: '5', amendment: true },
};

const TRANSACTION_CODES = /^(?:A|C|D|E|F|G|H|I|J|L|M|O|P|S|U|W|X|Z)$/;
const FOOTNOTE_ID = /^F[1-9][0-9]?$/;
const CIK = /^[0-9]{1,10}$/;
const ZIP = /^[0-9A-Za-z #-]*$/;

type Path = (string | number)[];

/** `nonDerivativeTransactions[2].shares`, as issues name a field. */
function fieldOf(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

const ROW_KIND: Record<string, string> = {
  nonDerivativeTransactions: 'a non-derivative transaction',
  nonDerivativeHoldings: 'a non-derivative holding',
  derivativeTransactions: 'a derivative transaction',
  derivativeHoldings: 'a derivative holding',
  reportingOwners: 'a reporting owner',
  issuer: 'the issuer',
  signatures: 'a signature',
};

/** The part of the document a path lies in, as a person names it. */
function whereOf(path: Path): string {
  return typeof path[0] === 'string' && typeof path[1] === 'number' ? ROW_KIND[path[0]] ?? 'the document' : path[0] === 'issuer' ? 'the issuer' : 'the document';
}

function length(s: string): number {
  return [...s].length;
}

interface TextRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** How the pattern reads to a person: "one of A, D". */
  expected?: string;
  oneOf?: ReadonlySet<string>;
}

/** How a value-with-footnotes element may be filled (the XSD's *_WITH_FOOTNOTE types). */
type Need = 'value' | 'value-or-footnote' | 'none';

class OwnershipWriter {
  readonly record: OwnershipRecord;
  readonly options: WriteOptions;
  readonly issues: Issue[] = [];
  readonly profile: Profile;
  readonly footnoteIds: Set<string>;

  constructor(record: OwnershipRecord, options: WriteOptions) {
    this.record = record;
    this.options = options;
    const known = record.documentType === null ? undefined : DOCUMENT_TYPES[record.documentType];
    this.profile = known ?? { type: record.documentType ?? '4', form: '4', amendment: false };
    this.footnoteIds = new Set(record.footnotes.map((f) => f.id));
  }

  get formName(): string {
    return `Form ${this.profile.type}`;
  }

  report(code: IssueCode, params: Record<string, string | number>, path: Path | null): void {
    this.issues.push(makeIssue(code, params, path));
  }

  required(element: string, path: Path, where = whereOf(path)): void {
    this.report('WRITE_REQUIRED_MISSING', { element, form: this.formName, field: fieldOf(path), where }, path);
  }

  forbidden(element: string, path: Path, where = whereOf(path)): void {
    this.report('WRITE_NOT_IN_FORM', { element, form: this.formName, field: fieldOf(path), where }, path);
  }

  invalid(path: Path, value: string, rule: string): void {
    this.report('WRITE_VALUE_INVALID', { field: fieldOf(path), value: value.length > 80 ? value.slice(0, 77) + '...' : value, rule }, path);
  }

  /** Text that XML can carry: characters XML 1.0 forbids are dropped, and said. */
  clean(s: string, path: Path): string {
    if (!XML_FORBIDDEN.test(s)) return s;
    XML_FORBIDDEN.lastIndex = 0;
    const found = s.match(XML_FORBIDDEN) ?? [];
    const code = found[0] === undefined ? '?' : 'U+' + (found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    this.report('WRITE_CHARACTER_INVALID', { field: fieldOf(path), code, count: found.length }, path);
    return s.replace(XML_FORBIDDEN, '');
  }

  checkText(s: string, path: Path, rule: TextRule): void {
    const n = length(s);
    if (rule.min !== undefined && n < rule.min) this.invalid(path, s, `is empty; it must have at least ${rule.min} character${rule.min === 1 ? '' : 's'}`);
    if (rule.max !== undefined && n > rule.max) this.invalid(path, s, `is ${n} characters long; at most ${rule.max} are allowed`);
    if (rule.pattern && !rule.pattern.test(s)) this.invalid(path, s, `is not ${rule.expected ?? 'in the allowed form'}`);
    if (rule.oneOf && s.trim() !== '' && !rule.oneOf.has(s)) this.invalid(path, s, `is not ${rule.expected ?? 'an allowed code'}`);
  }

  /** A leaf element holding text (`<issuerCik>`), or nothing when the value is null. */
  leafText(name: string, value: string | null, path: Path, rule: TextRule = {}): XmlNode | null {
    if (value === null) return null;
    const text = this.clean(value, path);
    this.checkText(text, path, rule);
    return { name, text };
  }

  leafFlag(name: string, value: boolean | null): XmlNode | null {
    return value === null ? null : { name, text: formatFlag(value) };
  }

  leafDate(name: string, value: string | null, path: Path): XmlNode | null {
    if (value === null) return null;
    this.checkDate(value, path);
    return { name, text: value };
  }

  checkDate(value: string, path: Path): void {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) this.invalid(path, value, 'is not a day of the calendar (xs:date)');
  }

  /** The decimal for a number, checked against the schema's POSITIVE_DECIMAL. */
  number(n: number, path: Path): string {
    if (!Number.isFinite(n)) {
      this.invalid(path, String(n), 'is not a finite number');
      return String(n);
    }
    const { text, noise } = formatNumber(n);
    if (noise !== null) this.report('WRITE_NUMBER_NOISE', { field: fieldOf(path), value: noise, written: text }, path);
    if (n < 0) this.invalid(path, text, 'is negative; the schema allows 0 to 999999999999.9999');
    else if (n > 999999999999.9999) this.invalid(path, text, 'is larger than 999999999999.9999, the most the schema allows');
    if (fractionDigits(text) > 4) this.invalid(path, text, `has ${fractionDigits(text)} decimal places; EDGAR keeps at most 4`);
    else if (totalDigits(text) > 16) this.invalid(path, text, 'has more than 16 digits');
    return text;
  }

  /**
   * A value-with-footnotes element: `<name><value>..</value><footnoteId id=".."/>..</name>`.
   * Takes the footnotes recorded under `key` out of `pending`, so that every footnote id
   * the reader found beside this value goes back exactly here.
   */
  valued(
    name: string,
    raw: string | null,
    key: string,
    pending: FootnoteMap,
    path: Path,
    options: { need: Need; footnotes?: boolean; where?: string },
  ): XmlNode | null {
    const ids = this.takeFootnotes(pending, key, path);
    if (raw === null && ids.length === 0) {
      if (options.need !== 'none') this.required(name, path, options.where);
      return null;
    }
    if (raw === null && options.need === 'value') this.required(`${name}/value`, path, options.where);
    if (ids.length > 0 && options.footnotes === false) {
      this.report('WRITE_FOOTNOTE_NOT_ALLOWED', { element: name, ids: ids.join(', '), form: this.formName, field: fieldOf(path) }, path);
    }
    const children: XmlNode[] = [];
    if (raw !== null) children.push({ name: 'value', text: raw });
    for (const id of ids) children.push(this.footnoteRef(id, path));
    return { name, children };
  }

  valuedText(name: string, value: string | null, key: string, pending: FootnoteMap, path: Path, need: Need, rule: TextRule = {}, footnotes = true): XmlNode | null {
    let raw: string | null = null;
    if (value !== null) {
      raw = this.clean(value, path);
      this.checkText(raw, path, rule);
    }
    return this.valued(name, raw, key, pending, path, { need, footnotes });
  }

  valuedNumber(name: string, value: number | null, key: string, pending: FootnoteMap, path: Path, need: Need): XmlNode | null {
    return this.valued(name, value === null ? null : this.number(value, path), key, pending, path, { need });
  }

  valuedDate(name: string, value: string | null, key: string, pending: FootnoteMap, path: Path, need: Need): XmlNode | null {
    if (value !== null) this.checkDate(value, path);
    return this.valued(name, value, key, pending, path, { need });
  }

  takeFootnotes(pending: FootnoteMap, key: string, path: Path): string[] {
    const ids = pending[key];
    if (ids === undefined) return [];
    delete pending[key];
    const seen = new Set<string>();
    const out: string[] = [];
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(id);
    }
    if (out.length > 99) this.report('WRITE_TOO_MANY', { what: `footnote references on ${fieldOf(path)}`, count: out.length, limit: 99, form: this.formName }, path);
    return out;
  }

  footnoteRef(id: string, path: Path): XmlNode {
    if (!FOOTNOTE_ID.test(id)) this.report('WRITE_FOOTNOTE_ID_INVALID', { id, field: fieldOf(path) }, path);
    else if (!this.footnoteIds.has(id)) this.report('WRITE_FOOTNOTE_UNDEFINED', { id, field: fieldOf(path) }, path);
    return { name: 'footnoteId', attrs: [['id', id]] };
  }

  /** Footnotes the row holds under a key no element carries: reported, since they cannot be written. */
  leftover(pending: FootnoteMap, path: Path): void {
    for (const [key, ids] of Object.entries(pending)) {
      if (ids.length === 0) continue;
      this.report('WRITE_FOOTNOTE_UNPLACEABLE', { key, ids: ids.join(', '), row: fieldOf(path) }, [...path, 'footnotes', key]);
    }
  }

  // --- the document ---

  write(): string {
    const r = this.record;
    const p = this.profile;
    const known = r.documentType !== null && DOCUMENT_TYPES[r.documentType] !== undefined;
    if (r.documentType === null) this.required('documentType', ['documentType']);
    else if (!known) this.report('WRITE_DOCUMENT_TYPE_UNKNOWN', { value: r.documentType }, ['documentType']);

    const root: XmlNode[] = [];
    const push = (node: XmlNode | null) => {
      if (node) root.push(node);
    };
    const version = this.options.schemaVersion === undefined ? CURRENT_SCHEMA_VERSION : this.options.schemaVersion;
    if (version !== null) push(this.leafText('schemaVersion', version, ['schemaVersion'], { min: 5, max: 5 }));
    push(this.leafText('documentType', r.documentType, ['documentType']));

    if (r.periodOfReport === null) this.required('periodOfReport', ['periodOfReport']);
    push(this.leafDate('periodOfReport', r.periodOfReport, ['periodOfReport']));

    const dateOriginal = this.leafDate('dateOfOriginalSubmission', r.dateOfOriginalSubmission, ['dateOfOriginalSubmission']);
    if (dateOriginal && !p.amendment) this.forbidden('dateOfOriginalSubmission', ['dateOfOriginalSubmission']);
    if (!dateOriginal && p.amendment && known) this.required('dateOfOriginalSubmission', ['dateOfOriginalSubmission']);
    push(dateOriginal);

    const flag = (name: 'noSecuritiesOwned' | 'notSubjectToSection16' | 'form3HoldingsReported' | 'form4TransactionsReported', forms: FormNumber[]) => {
      const node = this.leafFlag(name, r[name]);
      if (node && !forms.includes(p.form)) this.forbidden(name, [name]);
      push(node);
    };
    flag('noSecuritiesOwned', ['3']);
    flag('notSubjectToSection16', ['4', '5']);
    flag('form3HoldingsReported', ['5']);
    flag('form4TransactionsReported', ['5']);

    push(this.issuer());

    if (r.reportingOwners.length === 0) this.required('reportingOwner', ['reportingOwners']);
    if (r.reportingOwners.length > 10) this.tooMany('reporting owners', r.reportingOwners.length, 10, ['reportingOwners']);
    r.reportingOwners.forEach((owner, i) => push(this.reportingOwner(owner, ['reportingOwners', i])));

    // Rule 10b5-1(c): required in Forms 4 and 5 since X0407. A record without it (an older
    // document) is written without it: false would claim the box was seen unchecked.
    const aff = this.leafFlag('aff10b5One', r.aff10b5One);
    if (!aff && p.form !== '3') this.required('aff10b5One', ['aff10b5One']);
    push(aff);

    push(this.table('nonDerivativeTable', [
      ...r.nonDerivativeTransactions.map((row, i) => this.nonDerivativeTransaction(row, ['nonDerivativeTransactions', i])),
      ...r.nonDerivativeHoldings.map((row, i) => this.nonDerivativeHolding(row, ['nonDerivativeHoldings', i])),
    ], ['nonDerivativeTransactions']));
    push(this.table('derivativeTable', [
      ...r.derivativeTransactions.map((row, i) => this.derivativeTransaction(row, ['derivativeTransactions', i])),
      ...r.derivativeHoldings.map((row, i) => this.derivativeHolding(row, ['derivativeHoldings', i])),
    ], ['derivativeTransactions']));

    push(this.footnotes());
    push(this.leafText('remarks', r.remarks, ['remarks'], { max: 2000 }));

    if (r.signatures.length === 0) this.required('ownerSignature', ['signatures']);
    if (r.signatures.length > 10) this.tooMany('signatures', r.signatures.length, 10, ['signatures']);
    r.signatures.forEach((s, i) => {
      const path: Path = ['signatures', i];
      const name = this.leafText('signatureName', s.name, [...path, 'name'], { min: 1, max: 255 });
      const date = this.leafDate('signatureDate', s.date, [...path, 'date']);
      if (!name) this.required('signatureName', [...path, 'name'], 'a signature');
      if (!date) this.required('signatureDate', [...path, 'date'], 'a signature');
      push({ name: 'ownerSignature', children: [name, date].filter((n): n is XmlNode => n !== null) });
    });

    const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
    serialise({ name: 'ownershipDocument', children: root }, 0, this.options.indent ?? '  ', out);
    return out.join('\n') + '\n';
  }

  tooMany(what: string, count: number, limit: number, path: Path): void {
    this.report('WRITE_TOO_MANY', { what, count, limit, form: this.formName }, path);
  }

  issuer(): XmlNode {
    const i = this.record.issuer;
    if (i.cik === null) this.required('issuerCik', ['issuer', 'cik'], 'the issuer');
    if (i.tradingSymbol === null) this.required('issuerTradingSymbol', ['issuer', 'tradingSymbol'], 'the issuer');
    const children = [
      this.leafText('issuerCik', i.cik, ['issuer', 'cik'], { pattern: CIK, expected: 'a CIK of 1 to 10 digits' }),
      this.leafText('issuerName', i.name, ['issuer', 'name'], { max: 150 }),
      this.leafText('issuerTradingSymbol', i.tradingSymbol, ['issuer', 'tradingSymbol'], { min: 1, max: 10 }),
      this.leafText('issuerForeignTradingSymbol', i.foreignTradingSymbol, ['issuer', 'foreignTradingSymbol'], { max: 14 }),
    ];
    return { name: 'issuer', children: children.filter((n): n is XmlNode => n !== null) };
  }

  reportingOwner(owner: ReportingOwner, path: Path): XmlNode {
    if (owner.cik === null) this.required('rptOwnerCik', [...path, 'cik'], 'a reporting owner');
    const id = [
      this.leafText('rptOwnerCik', owner.cik, [...path, 'cik'], { pattern: CIK, expected: 'a CIK of 1 to 10 digits' }),
      this.leafText('rptOwnerName', owner.name, [...path, 'name'], { max: 150 }),
    ].filter((n): n is XmlNode => n !== null);
    const children: XmlNode[] = [{ name: 'reportingOwnerId', children: id }];
    const a = owner.address;
    if (a) {
      const ap = [...path, 'address'];
      const address = [
        this.leafFlag('rptOwnerNonUSAddressFlag', a.nonUSAddress),
        this.leafText('rptOwnerStreet1', a.street1, [...ap, 'street1'], { max: 40 }),
        this.leafText('rptOwnerStreet2', a.street2, [...ap, 'street2'], { max: 40 }),
        this.leafText('rptOwnerCity', a.city, [...ap, 'city'], { max: 30 }),
        this.leafText('rptOwnerNonUSStateTerritory', a.nonUSStateTerritory, [...ap, 'nonUSStateTerritory'], { max: 40 }),
        this.leafText('rptOwnerState', a.state, [...ap, 'state'], { oneOf: STATE_CODES, expected: 'an EDGAR state code (AL, AK, ... WY)' }),
        this.leafText('rptOwnerCountry', a.country, [...ap, 'country'], { oneOf: COUNTRY_CODES, expected: 'an EDGAR country code (X1 for the United States, X0 for the United Kingdom, ...)' }),
        this.leafText('rptOwnerZipCode', a.zipCode, [...ap, 'zipCode'], { max: 10, pattern: ZIP, expected: 'made of letters, digits, spaces, "#" and "-"' }),
        this.leafText('rptOwnerStateDescription', a.stateDescription, [...ap, 'stateDescription'], { max: 50 }),
      ].filter((n): n is XmlNode => n !== null);
      children.push({ name: 'reportingOwnerAddress', children: address });
    }
    const rel = owner.relationship;
    if (rel) {
      const rp = [...path, 'relationship'];
      const relationship = [
        this.leafFlag('isDirector', rel.isDirector),
        this.leafFlag('isOfficer', rel.isOfficer),
        this.leafFlag('isTenPercentOwner', rel.isTenPercentOwner),
        this.leafFlag('isOther', rel.isOther),
        this.leafText('officerTitle', rel.officerTitle, [...rp, 'officerTitle'], { max: 30 }),
        this.leafText('otherText', rel.otherText, [...rp, 'otherText'], { max: 30 }),
      ].filter((n): n is XmlNode => n !== null);
      children.push({ name: 'reportingOwnerRelationship', children: relationship });
    } else {
      this.required('reportingOwnerRelationship', [...path, 'relationship'], 'a reporting owner');
    }
    return { name: 'reportingOwner', children };
  }

  table(name: string, rows: XmlNode[], path: Path): XmlNode | null {
    if (rows.length === 0) return null;
    if (rows.length > 30) this.tooMany(`rows in ${name === 'nonDerivativeTable' ? 'Table I' : 'Table II'}`, rows.length, 30, path);
    return { name, children: rows };
  }

  securityTitle(value: string | null, fn: FootnoteMap, path: Path): XmlNode | null {
    return this.valuedText('securityTitle', value, 'securityTitle', fn, [...path, 'securityTitle'], 'value', { min: 1, max: 60 });
  }

  /** transactionCoding of a transaction: form type, code and swap flag all required. */
  transactionCoding(row: NonDerivativeTransaction | DerivativeTransaction, fn: FootnoteMap, path: Path): XmlNode | null {
    const ids = this.takeFootnotes(fn, 'transactionCode', [...path, 'transactionCode']);
    const formType = this.leafText('transactionFormType', row.transactionFormType, [...path, 'transactionFormType'], { pattern: /^(?:4|5)$/, expected: 'one of 4, 5' });
    const code = this.leafText('transactionCode', row.transactionCode, [...path, 'transactionCode'], { pattern: TRANSACTION_CODES, expected: "one of the SEC's transaction codes (A, C, D, E, F, G, H, I, J, L, M, O, P, S, U, W, X, Z)" });
    const swap = this.leafFlag('equitySwapInvolved', row.equitySwapInvolved);
    if (!formType && !code && !swap && ids.length === 0) return null;
    if (!formType) this.required('transactionFormType', [...path, 'transactionFormType'], 'a transaction coding');
    if (!code) this.required('transactionCode', [...path, 'transactionCode'], 'a transaction coding');
    if (!swap) this.required('equitySwapInvolved', [...path, 'equitySwapInvolved'], 'a transaction coding');
    const children = [formType, code, swap].filter((n): n is XmlNode => n !== null);
    for (const id of ids) children.push(this.footnoteRef(id, [...path, 'transactionCode']));
    return { name: 'transactionCoding', children };
  }

  /** transactionCoding of a holding: only a Form 5 has it (a late Form 3 holding is "3"). */
  holdingCoding(formType: string | null, fn: FootnoteMap, path: Path, where: string): XmlNode | null {
    const ids = this.takeFootnotes(fn, 'transactionFormType', [...path, 'transactionFormType']);
    const type = this.leafText('transactionFormType', formType, [...path, 'transactionFormType'], this.profile.form === '5' ? { pattern: /^3?$/, expected: '3 (a holding that a Form 3 should have reported) or empty' } : {});
    if (!type && ids.length === 0) return null;
    if (this.profile.form !== '5') this.forbidden('transactionCoding', [...path, 'transactionFormType'], where);
    const children = type ? [type] : [];
    for (const id of ids) children.push(this.footnoteRef(id, [...path, 'transactionFormType']));
    return { name: 'transactionCoding', children };
  }

  timeliness(row: NonDerivativeTransaction | DerivativeTransaction, fn: FootnoteMap, path: Path): XmlNode | null {
    const p = [...path, 'transactionTimeliness'];
    return this.valuedText('transactionTimeliness', row.transactionTimeliness, 'transactionTimeliness', fn, p, 'none',
      { pattern: /^[E|L]?$/, expected: 'E (early) or L (late)' }, this.profile.form !== '5');
  }

  postAmounts(row: NonDerivativeTransaction | NonDerivativeHolding | DerivativeTransaction | DerivativeHolding, fn: FootnoteMap, path: Path, where: string, allowed = true): XmlNode | null {
    const shares = this.valuedNumber('sharesOwnedFollowingTransaction', row.sharesOwnedFollowingTransaction, 'sharesOwnedFollowingTransaction', fn, [...path, 'sharesOwnedFollowingTransaction'], 'none');
    const value = this.valuedNumber('valueOwnedFollowingTransaction', row.valueOwnedFollowingTransaction, 'valueOwnedFollowingTransaction', fn, [...path, 'valueOwnedFollowingTransaction'], 'none');
    if (!allowed) {
      if (shares || value) this.forbidden('postTransactionAmounts', [...path, 'sharesOwnedFollowingTransaction'], where);
    } else {
      this.choice(shares, value, 'sharesOwnedFollowingTransaction', 'valueOwnedFollowingTransaction', [...path, 'sharesOwnedFollowingTransaction'], where, true);
      for (const [node, field] of [[shares, 'sharesOwnedFollowingTransaction'], [value, 'valueOwnedFollowingTransaction']] as const) {
        if (node && !node.children?.some((c) => c.name === 'value')) this.required(`${field}/value`, [...path, field], where);
      }
    }
    const children = [shares, value].filter((n): n is XmlNode => n !== null);
    return children.length > 0 ? { name: 'postTransactionAmounts', children } : null;
  }

  /** An XSD choice of two elements: one at most, or exactly one when `required`. */
  choice(a: XmlNode | null, b: XmlNode | null, first: string, second: string, path: Path, where: string, required: boolean): void {
    if (a && b) this.report('WRITE_CHOICE_CONFLICT', { first, second, where, form: this.formName }, path);
    else if (!a && !b && required) this.required(`${first} or ${second}`, path, where);
  }

  ownershipNature(row: NonDerivativeTransaction | NonDerivativeHolding | DerivativeTransaction | DerivativeHolding, fn: FootnoteMap, path: Path, where: string): XmlNode | null {
    const direct = this.valuedText('directOrIndirectOwnership', row.directOrIndirectOwnership, 'directOrIndirectOwnership', fn, [...path, 'directOrIndirectOwnership'], 'value', { pattern: /^(?:D|I)$/, expected: 'D (direct) or I (indirect)' });
    const nature = this.valuedText('natureOfOwnership', row.natureOfOwnership, 'natureOfOwnership', fn, [...path, 'natureOfOwnership'], 'none', { max: 100 });
    if (nature && !nature.children?.some((c) => c.name === 'value')) this.required('natureOfOwnership/value', [...path, 'natureOfOwnership'], where);
    const children = [direct, nature].filter((n): n is XmlNode => n !== null);
    if (children.length === 0) return null;
    return { name: 'ownershipNature', children };
  }

  /** The transaction's amounts; derivative rows choose shares or total value, and carry no footnote on (A)/(D). */
  transactionAmounts(row: NonDerivativeTransaction | DerivativeTransaction, fn: FootnoteMap, path: Path, derivative: boolean, where: string): XmlNode | null {
    const shares = this.valuedNumber('transactionShares', row.shares, 'shares', fn, [...path, 'shares'], derivative ? 'none' : 'value');
    const total = this.valuedNumber('transactionTotalValue', row.totalValue, 'totalValue', fn, [...path, 'totalValue'], 'none');
    if (derivative) {
      this.choice(shares, total, 'transactionShares', 'transactionTotalValue', [...path, 'shares'], where, true);
      for (const [node, field] of [[shares, 'shares'], [total, 'totalValue']] as const) {
        if (node && !node.children?.some((c) => c.name === 'value')) this.required(`${node.name}/value`, [...path, field], where);
      }
    } else if (total) {
      this.forbidden('transactionTotalValue', [...path, 'totalValue'], where);
    }
    const price = this.valuedNumber('transactionPricePerShare', row.pricePerShare, 'pricePerShare', fn, [...path, 'pricePerShare'], 'value-or-footnote');
    const code = this.valued('transactionAcquiredDisposedCode', row.acquiredDisposedCode === null ? null : this.clean(row.acquiredDisposedCode, [...path, 'acquiredDisposedCode']),
      'acquiredDisposedCode', fn, [...path, 'acquiredDisposedCode'], { need: 'value', footnotes: !derivative, where });
    if (row.acquiredDisposedCode !== null) this.checkText(row.acquiredDisposedCode, [...path, 'acquiredDisposedCode'], { pattern: /^(?:A|D)$/, expected: 'A (acquired) or D (disposed of)' });
    const children = [shares, total, price, code].filter((n): n is XmlNode => n !== null);
    return children.length > 0 ? { name: 'transactionAmounts', children } : null;
  }

  derivativeTerms(row: DerivativeTransaction | DerivativeHolding, fn: FootnoteMap, path: Path, where: string): XmlNode[] {
    const exercise = this.valuedDate('exerciseDate', row.exerciseDate, 'exerciseDate', fn, [...path, 'exerciseDate'], 'value-or-footnote');
    const expiration = this.valuedDate('expirationDate', row.expirationDate, 'expirationDate', fn, [...path, 'expirationDate'], 'value-or-footnote');
    const title = this.valuedText('underlyingSecurityTitle', row.underlyingSecurityTitle, 'underlyingSecurityTitle', fn, [...path, 'underlyingSecurityTitle'], 'value', { min: 1, max: 60 });
    const shares = this.valuedNumber('underlyingSecurityShares', row.underlyingSecurityShares, 'underlyingSecurityShares', fn, [...path, 'underlyingSecurityShares'], 'none');
    const value = this.valuedNumber('underlyingSecurityValue', row.underlyingSecurityValue, 'underlyingSecurityValue', fn, [...path, 'underlyingSecurityValue'], 'none');
    this.choice(shares, value, 'underlyingSecurityShares', 'underlyingSecurityValue', [...path, 'underlyingSecurityShares'], where, false);
    const underlying = [title, shares, value].filter((n): n is XmlNode => n !== null);
    if (underlying.length === 0) this.required('underlyingSecurity', [...path, 'underlyingSecurityTitle'], where);
    return [exercise, expiration, underlying.length > 0 ? { name: 'underlyingSecurity', children: underlying } : null].filter((n): n is XmlNode => n !== null);
  }

  noTransactionsInForm3(path: Path, where: string): void {
    if (this.profile.form === '3') this.forbidden(path[0] === 'derivativeTransactions' ? 'derivativeTransaction' : 'nonDerivativeTransaction', path, where);
  }

  nonDerivativeTransaction(row: NonDerivativeTransaction, path: Path): XmlNode {
    const where = 'a non-derivative transaction';
    this.noTransactionsInForm3(path, where);
    const fn: FootnoteMap = { ...row.footnotes };
    const children = [
      this.securityTitle(row.securityTitle, fn, path),
      this.valuedDate('transactionDate', row.transactionDate, 'transactionDate', fn, [...path, 'transactionDate'], 'value'),
      this.valuedDate('deemedExecutionDate', row.deemedExecutionDate, 'deemedExecutionDate', fn, [...path, 'deemedExecutionDate'], 'none'),
      this.transactionCoding(row, fn, path),
      this.timeliness(row, fn, path),
      this.transactionAmounts(row, fn, path, false, where),
      this.postAmounts(row, fn, path, where),
      this.ownershipNature(row, fn, path, where),
    ];
    this.leftover(fn, path);
    return this.row('nonDerivativeTransaction', children, path, where);
  }

  nonDerivativeHolding(row: NonDerivativeHolding, path: Path): XmlNode {
    const where = 'a non-derivative holding';
    const fn: FootnoteMap = { ...row.footnotes };
    const children = [
      this.securityTitle(row.securityTitle, fn, path),
      this.holdingCoding(row.transactionFormType, fn, path, where),
      this.postAmounts(row, fn, path, where),
      this.ownershipNature(row, fn, path, where),
    ];
    this.leftover(fn, path);
    return this.row('nonDerivativeHolding', children, path, where);
  }

  derivativeTransaction(row: DerivativeTransaction, path: Path): XmlNode {
    const where = 'a derivative transaction';
    this.noTransactionsInForm3(path, where);
    const fn: FootnoteMap = { ...row.footnotes };
    const children = [
      this.securityTitle(row.securityTitle, fn, path),
      this.valuedNumber('conversionOrExercisePrice', row.conversionOrExercisePrice, 'conversionOrExercisePrice', fn, [...path, 'conversionOrExercisePrice'], 'value-or-footnote'),
      this.valuedDate('transactionDate', row.transactionDate, 'transactionDate', fn, [...path, 'transactionDate'], 'value'),
      this.valuedDate('deemedExecutionDate', row.deemedExecutionDate, 'deemedExecutionDate', fn, [...path, 'deemedExecutionDate'], 'none'),
      this.transactionCoding(row, fn, path),
      this.timeliness(row, fn, path),
      this.transactionAmounts(row, fn, path, true, where),
      ...this.derivativeTerms(row, fn, path, where),
      this.postAmounts(row, fn, path, where),
      this.ownershipNature(row, fn, path, where),
    ];
    this.leftover(fn, path);
    return this.row('derivativeTransaction', children, path, where);
  }

  derivativeHolding(row: DerivativeHolding, path: Path): XmlNode {
    const where = 'a derivative holding';
    const fn: FootnoteMap = { ...row.footnotes };
    const children = [
      this.securityTitle(row.securityTitle, fn, path),
      this.valuedNumber('conversionOrExercisePrice', row.conversionOrExercisePrice, 'conversionOrExercisePrice', fn, [...path, 'conversionOrExercisePrice'], 'value-or-footnote'),
      this.holdingCoding(row.transactionFormType, fn, path, where),
      ...this.derivativeTerms(row, fn, path, where),
      // A Form 3 gives the amount of a derivative holding in its underlying security only.
      this.postAmounts(row, fn, path, where, this.profile.form !== '3'),
      this.ownershipNature(row, fn, path, where),
    ];
    this.leftover(fn, path);
    return this.row('derivativeHolding', children, path, where);
  }

  /** Children of a row in schema order; a missing required part was reported where it was built. */
  row(name: string, children: (XmlNode | null)[], _path: Path, _where: string): XmlNode {
    return { name, children: children.filter((n): n is XmlNode => n !== null) };
  }

  footnotes(): XmlNode | null {
    const list = this.record.footnotes;
    if (list.length === 0) return null;
    if (list.length > 99) this.tooMany('footnotes', list.length, 99, ['footnotes']);
    const seen = new Set<string>();
    return {
      name: 'footnotes',
      children: list.map((f, i) => {
        const path: Path = ['footnotes', i];
        if (!FOOTNOTE_ID.test(f.id)) this.report('WRITE_FOOTNOTE_ID_INVALID', { id: f.id, field: fieldOf(path) }, path);
        else if (seen.has(f.id)) this.report('WRITE_FOOTNOTE_DUPLICATE', { id: f.id }, path);
        seen.add(f.id);
        const node: XmlNode = { name: 'footnote', attrs: [['id', f.id]] };
        if (f.text !== null) node.text = this.clean(f.text, [...path, 'text']);
        return node;
      }),
    };
  }
}
