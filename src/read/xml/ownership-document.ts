// Reads an <ownershipDocument> element tree into the canonical record.
//
// Every schema version from X0101 to X0609 maps to the same fields: older names
// (X0101's <nonDerivativeSecurity> rows straight under the root, <transactionValue>
// for the price) are read as today's. Repeated elements are always arrays, every
// <footnoteId> is kept beside the value it qualifies, and a value the document does
// not give is null. Problems become issues with the element's span, never guesses.
import type {
  DerivativeHolding,
  DerivativeTransaction,
  Footnote,
  FootnoteMap,
  Issue,
  NonDerivativeHolding,
  NonDerivativeTransaction,
  OwnershipRecord,
  Provenance,
  ReportingOwner,
  Signature,
} from '../../record/schema.ts';
import { makeIssue, type IssueCode } from '../../record/issues.ts';
import type { Positions } from '../../util/positions.ts';
import { toBoolean, toDate, toNumber, toText } from '../values.ts';
import { attribute, textContent, type XmlElement } from './scan-xml.ts';

/** A dotted path into the record (`nonDerivativeTransactions.3.shares`), split only when reported. */
type Path = string;

const DOCUMENT_TYPES = new Set(['3', '4', '5', '3/A', '4/A', '5/A']);

/** Children each container may hold; anything else is reported and skipped. */
const KNOWN: Record<string, Set<string>> = {
  ownershipDocument: new Set([
    'schemaVersion', 'documentType', 'periodOfReport', 'dateOfOriginalSubmission', 'noSecuritiesOwned',
    'notSubjectToSection16', 'form3HoldingsReported', 'form4TransactionsReported', 'issuer', 'reportingOwner',
    'aff10b5One', 'nonDerivativeTable', 'derivativeTable', 'footnotes', 'remarks', 'ownerSignature',
    // X0101 put rows straight under the root.
    'nonDerivativeSecurity', 'derivativeSecurity', 'nonDerivativeTransaction', 'nonDerivativeHolding',
    'derivativeTransaction', 'derivativeHolding',
  ]),
  issuer: new Set(['issuerCik', 'issuerName', 'issuerTradingSymbol', 'issuerForeignTradingSymbol']),
  reportingOwner: new Set(['reportingOwnerId', 'reportingOwnerAddress', 'reportingOwnerRelationship']),
  reportingOwnerId: new Set(['rptOwnerCik', 'rptOwnerCcc', 'rptOwnerName']),
  reportingOwnerAddress: new Set([
    'rptOwnerStreet1', 'rptOwnerStreet2', 'rptOwnerCity', 'rptOwnerState', 'rptOwnerZipCode',
    'rptOwnerStateDescription', 'rptOwnerCountry', 'rptOwnerNonUSStateTerritory', 'rptOwnerNonUSAddressFlag',
    'rptOwnerGoodAddress',
  ]),
  reportingOwnerRelationship: new Set(['isDirector', 'isOfficer', 'isTenPercentOwner', 'isOther', 'officerTitle', 'otherText']),
  nonDerivativeTable: new Set(['nonDerivativeTransaction', 'nonDerivativeHolding', 'nonDerivativeSecurity']),
  derivativeTable: new Set(['derivativeTransaction', 'derivativeHolding', 'derivativeSecurity']),
  row: new Set([
    'securityTitle', 'conversionOrExercisePrice', 'transactionDate', 'deemedExecutionDate', 'transactionCoding',
    'transactionTimeliness', 'transactionAmounts', 'exerciseDate', 'expirationDate', 'underlyingSecurity',
    'postTransactionAmounts', 'ownershipNature',
  ]),
  transactionCoding: new Set(['transactionFormType', 'transactionCode', 'equitySwapInvolved', 'footnoteId']),
  transactionAmounts: new Set([
    'transactionShares', 'transactionTotalValue', 'transactionPricePerShare', 'transactionValue',
    'transactionAcquiredDisposedCode',
  ]),
  underlyingSecurity: new Set(['underlyingSecurityTitle', 'underlyingSecurityShares', 'underlyingSecurityValue']),
  postTransactionAmounts: new Set(['sharesOwnedFollowingTransaction', 'valueOwnedFollowingTransaction']),
  ownershipNature: new Set(['directOrIndirectOwnership', 'natureOfOwnership']),
  footnotes: new Set(['footnote']),
  ownerSignature: new Set(['signatureName', 'signatureDate']),
};

const NONE: XmlElement[] = [];
const TIMEZONE_SUFFIX = /^\d{4}-\d{2}-\d{2}(?:Z|[+-]\d{2}:\d{2})$/;

class DocumentReader {
  readonly text: string;
  readonly positions: Positions;
  readonly issues: Issue[];
  /** Where each value came from, when asked for (it costs a span per value). */
  readonly provenance: Record<string, Provenance> | null;

  constructor(text: string, positions: Positions, issues: Issue[], provenance: Record<string, Provenance> | null) {
    this.text = text;
    this.positions = positions;
    this.issues = issues;
    this.provenance = provenance;
  }

  /** Records that the value at `path` was read from `el` (an element of the document: confidence 1). */
  from<T>(path: Path, el: XmlElement | null, value: T): T {
    if (this.provenance && el && value !== null) this.provenance[path] = { span: this.positions.span(el.start, el.end), confidence: 1 };
    return value;
  }

  report(code: IssueCode, params: Record<string, string | number>, path: Path | null, el: XmlElement | null): void {
    this.issues.push(makeIssue(code, params, path === null ? null : splitPath(path), el ? this.positions.span(el.start, el.end) : null));
  }

  /** Reports children of `el` that the schema does not put there. */
  checkChildren(el: XmlElement, known: Set<string>, path: Path): void {
    for (const child of el.children) {
      if (!known.has(child.name)) this.report('XML_UNKNOWN_ELEMENT', { name: child.qname, parent: el.qname }, path, child);
    }
  }

  /** The one child named `name`; a repeat is reported and the first kept. */
  one(el: XmlElement | null, name: string, path: Path): XmlElement | null {
    if (!el) return null;
    let found: XmlElement | null = null;
    for (const child of el.children) {
      if (child.name !== name) continue;
      if (!found) found = child;
      else {
        const value = textContent(this.text, child).trim().slice(0, 60);
        this.report('XML_REPEATED_ELEMENT', { name, parent: el.qname, value: textContent(this.text, found).trim().slice(0, 60) || value }, path, child);
      }
    }
    return found;
  }

  all(el: XmlElement | null, name: string): XmlElement[] {
    if (!el) return NONE;
    const out: XmlElement[] = [];
    for (const child of el.children) if (child.name === name) out.push(child);
    return out;
  }

  /** Text of a simple element such as <issuerCik>. */
  rawOf(el: XmlElement | null): string {
    if (!el) return '';
    return el.children.length === 0 ? el.text : textContent(this.text, el);
  }

  /**
   * For a value-with-footnotes element (`<x><value>..</value><footnoteId id=".."/></x>`):
   * its raw value text, and its footnote ids recorded under `key` in `footnotes`.
   */
  valued(el: XmlElement | null, key: string, footnotes: FootnoteMap, path: Path): string {
    if (!el) return '';
    let raw: string | null = null;
    for (const child of el.children) {
      if (child.name === 'value') {
        if (raw === null) raw = this.rawOf(child);
        else this.report('XML_REPEATED_ELEMENT', { name: 'value', parent: el.qname, value: raw.trim() }, path, child);
      } else if (child.name === 'footnoteId') {
        this.footnoteRef(child, key, footnotes, path);
      } else {
        this.report('XML_UNKNOWN_ELEMENT', { name: child.qname, parent: el.qname }, path, child);
      }
    }
    // Some hand-made documents write the value directly inside the element.
    return raw ?? (el.children.length === 0 ? el.text : '');
  }

  footnoteRef(el: XmlElement, key: string, footnotes: FootnoteMap, path: Path): void {
    const id = attribute(el, 'id');
    if (id === null || id.trim() === '') {
      this.report('FORM4_FOOTNOTE_ID_MISSING', {}, path, el);
      return;
    }
    const ids = footnotes[key];
    if (ids) {
      if (!ids.includes(id.trim())) ids.push(id.trim());
    } else footnotes[key] = [id.trim()];
  }

  number(raw: string, path: Path, el: XmlElement | null): number | null {
    const r = toNumber(raw);
    if (r.problem === 'invalid') this.report('FORM4_NUMBER_INVALID', { value: raw.trim(), field: fieldName(path) }, path, el);
    else if (r.problem === 'precision') {
      this.report('FORM4_NUMBER_PRECISION', { value: raw.trim(), field: fieldName(path), kept: String(r.value) }, path, el);
    }
    return r.value;
  }

  date(raw: string, path: Path, el: XmlElement | null): string | null {
    const r = toDate(raw);
    if (r.problem === 'invalid') this.report('FORM4_DATE_INVALID', { value: raw.trim(), field: fieldName(path) }, path, el);
    else if (r.problem === 'impossible') this.report('FORM4_DATE_IMPOSSIBLE', { value: r.value ?? '', field: fieldName(path) }, path, el);
    // `2021-09-30-05:00`: the date is kept, and the dropped offset is said.
    if (r.value !== null && TIMEZONE_SUFFIX.test(raw.trim())) {
      this.report('FORM4_DATE_TIMEZONE', { value: raw.trim(), field: fieldName(path), date: r.value }, path, el);
    }
    return r.value;
  }

  flag(raw: string, path: Path, el: XmlElement | null): boolean | null {
    const r = toBoolean(raw);
    if (r.problem) this.report('FORM4_BOOLEAN_INVALID', { value: raw.trim(), field: fieldName(path) }, path, el);
    return r.value;
  }

  // --- value helpers that read a named child ---

  textChild(parent: XmlElement | null, name: string, path: Path): string | null {
    const el = this.one(parent, name, path);
    return this.from(path, el, toText(this.rawOf(el)));
  }

  flagChild(parent: XmlElement | null, name: string, path: Path): boolean | null {
    const el = this.one(parent, name, path);
    return el ? this.from(path, el, this.flag(this.rawOf(el), path, el)) : null;
  }

  dateChild(parent: XmlElement | null, name: string, path: Path): string | null {
    const el = this.one(parent, name, path);
    return el ? this.from(path, el, this.date(this.rawOf(el), path, el)) : null;
  }

  valuedText(parent: XmlElement | null, name: string, key: string, fn: FootnoteMap, path: Path): string | null {
    const el = this.one(parent, name, path);
    return this.from(path, el, toText(this.valued(el, key, fn, path)));
  }

  valuedNumber(parent: XmlElement | null, name: string, key: string, fn: FootnoteMap, path: Path): number | null {
    const el = this.one(parent, name, path);
    return el ? this.from(path, el, this.number(this.valued(el, key, fn, path), path, el)) : null;
  }

  valuedDate(parent: XmlElement | null, name: string, key: string, fn: FootnoteMap, path: Path): string | null {
    const el = this.one(parent, name, path);
    return el ? this.from(path, el, this.date(this.valued(el, key, fn, path), path, el)) : null;
  }

  /** transactionPricePerShare, or X0101's transactionValue in its place. */
  price(amountsEl: XmlElement | null, fn: FootnoteMap, path: Path): number | null {
    const price = this.valuedNumber(amountsEl, 'transactionPricePerShare', 'pricePerShare', fn, path);
    const legacy = this.one(amountsEl, 'transactionValue', path);
    if (!legacy) return price;
    this.report('XML_LEGACY_ELEMENT', { name: legacy.qname, as: 'pricePerShare' }, path, legacy);
    return price ?? this.from(path, legacy, this.number(this.valued(legacy, 'pricePerShare', fn, path), path, legacy));
  }

  // --- the document ---

  read(root: XmlElement): OwnershipRecord {
    this.checkChildren(root, KNOWN.ownershipDocument as Set<string>, '');
    const documentType = this.textChild(root, 'documentType', 'documentType');
    if (documentType !== null && !DOCUMENT_TYPES.has(documentType)) {
      this.report('FORM4_DOCUMENT_TYPE_UNKNOWN', { value: documentType }, 'documentType', this.one(root, 'documentType', ''));
    }
    const form = documentType ? `Form ${documentType}` : 'ownership document';
    const periodOfReport = this.dateChild(root, 'periodOfReport', 'periodOfReport');

    const issuerEl = this.one(root, 'issuer', 'issuer');
    if (issuerEl) this.checkChildren(issuerEl, KNOWN.issuer as Set<string>, 'issuer');
    const issuer = {
      cik: this.textChild(issuerEl, 'issuerCik', 'issuer.cik'),
      name: this.textChild(issuerEl, 'issuerName', 'issuer.name'),
      tradingSymbol: this.textChild(issuerEl, 'issuerTradingSymbol', 'issuer.tradingSymbol'),
      foreignTradingSymbol: this.textChild(issuerEl, 'issuerForeignTradingSymbol', 'issuer.foreignTradingSymbol'),
    };

    const reportingOwners = this.all(root, 'reportingOwner').map((el, i) => this.reportingOwner(el, 'reportingOwners.' + i));

    const record: OwnershipRecord = {
      documentType,
      schemaVersion: this.textChild(root, 'schemaVersion', 'schemaVersion'),
      periodOfReport,
      dateOfOriginalSubmission: this.dateChild(root, 'dateOfOriginalSubmission', 'dateOfOriginalSubmission'),
      notSubjectToSection16: this.flagChild(root, 'notSubjectToSection16', 'notSubjectToSection16'),
      form3HoldingsReported: this.flagChild(root, 'form3HoldingsReported', 'form3HoldingsReported'),
      form4TransactionsReported: this.flagChild(root, 'form4TransactionsReported', 'form4TransactionsReported'),
      noSecuritiesOwned: this.flagChild(root, 'noSecuritiesOwned', 'noSecuritiesOwned'),
      aff10b5One: this.flagChild(root, 'aff10b5One', 'aff10b5One'),
      issuer,
      reportingOwners,
      nonDerivativeTransactions: [],
      nonDerivativeHoldings: [],
      derivativeTransactions: [],
      derivativeHoldings: [],
      footnotes: [],
      remarks: this.textChild(root, 'remarks', 'remarks'),
      signatures: [],
    };

    // Rows keep document order within each list. Tables first, then rows that X0101
    // placed straight under the root (a document never has both).
    const ndTable = this.one(root, 'nonDerivativeTable', 'nonDerivativeTransactions');
    if (ndTable) this.checkChildren(ndTable, KNOWN.nonDerivativeTable as Set<string>, 'nonDerivativeTransactions');
    const dTable = this.one(root, 'derivativeTable', 'derivativeTransactions');
    if (dTable) this.checkChildren(dTable, KNOWN.derivativeTable as Set<string>, 'derivativeTransactions');
    for (const el of [...(ndTable?.children ?? NONE), ...root.children]) this.row(el, false, record);
    for (const el of [...(dTable?.children ?? NONE), ...root.children]) this.row(el, true, record);

    const footnotesEl = this.one(root, 'footnotes', 'footnotes');
    if (footnotesEl) {
      this.checkChildren(footnotesEl, KNOWN.footnotes as Set<string>, 'footnotes');
      for (const el of this.all(footnotesEl, 'footnote')) {
        const id = attribute(el, 'id');
        if (id === null || id.trim() === '') {
          this.report('FORM4_FOOTNOTE_ID_MISSING', {}, 'footnotes', el);
          continue;
        }
        const footnote: Footnote = { id: id.trim(), text: this.from(`footnotes.${record.footnotes.length}.text`, el, toText(textContent(this.text, el))) };
        record.footnotes.push(footnote);
      }
    }

    this.all(root, 'ownerSignature').forEach((el, i) => {
      const path = 'signatures.' + i;
      this.checkChildren(el, KNOWN.ownerSignature as Set<string>, path);
      const signature: Signature = {
        name: this.textChild(el, 'signatureName', path + '.name'),
        date: this.dateChild(el, 'signatureDate', path + '.date'),
      };
      record.signatures.push(signature);
    });

    this.required(root, record, form);
    return record;
  }

  required(root: XmlElement, record: OwnershipRecord, form: string): void {
    const missing = (field: string, path: Path) => this.report('FORM4_REQUIRED_MISSING', { field, form }, path, root);
    if (record.documentType === null) missing('documentType', 'documentType');
    if (record.periodOfReport === null) missing('periodOfReport', 'periodOfReport');
    if (record.issuer.cik === null) missing('issuer CIK (issuerCik)', 'issuer.cik');
    if (record.reportingOwners.length === 0) missing('reporting owner (reportingOwner)', 'reportingOwners');
  }

  reportingOwner(el: XmlElement, path: Path): ReportingOwner {
    this.checkChildren(el, KNOWN.reportingOwner as Set<string>, path);
    const idEl = this.one(el, 'reportingOwnerId', path);
    if (idEl) this.checkChildren(idEl, KNOWN.reportingOwnerId as Set<string>, path);
    const addressEl = this.one(el, 'reportingOwnerAddress', path + '.address');
    const relEl = this.one(el, 'reportingOwnerRelationship', path + '.relationship');
    const ap = path + '.address';
    const rp = path + '.relationship';
    if (addressEl) this.checkChildren(addressEl, KNOWN.reportingOwnerAddress as Set<string>, ap);
    if (relEl) this.checkChildren(relEl, KNOWN.reportingOwnerRelationship as Set<string>, rp);
    return {
      cik: this.textChild(idEl, 'rptOwnerCik', path + '.cik'),
      name: this.textChild(idEl, 'rptOwnerName', path + '.name'),
      address: addressEl
        ? {
            street1: this.textChild(addressEl, 'rptOwnerStreet1', ap + '.street1'),
            street2: this.textChild(addressEl, 'rptOwnerStreet2', ap + '.street2'),
            city: this.textChild(addressEl, 'rptOwnerCity', ap + '.city'),
            state: this.textChild(addressEl, 'rptOwnerState', ap + '.state'),
            zipCode: this.textChild(addressEl, 'rptOwnerZipCode', ap + '.zipCode'),
            stateDescription: this.textChild(addressEl, 'rptOwnerStateDescription', ap + '.stateDescription'),
            country: this.textChild(addressEl, 'rptOwnerCountry', ap + '.country'),
            nonUSStateTerritory: this.textChild(addressEl, 'rptOwnerNonUSStateTerritory', ap + '.nonUSStateTerritory'),
            nonUSAddress: this.flagChild(addressEl, 'rptOwnerNonUSAddressFlag', ap + '.nonUSAddress'),
          }
        : null,
      relationship: relEl
        ? {
            isDirector: this.flagChild(relEl, 'isDirector', rp + '.isDirector'),
            isOfficer: this.flagChild(relEl, 'isOfficer', rp + '.isOfficer'),
            isTenPercentOwner: this.flagChild(relEl, 'isTenPercentOwner', rp + '.isTenPercentOwner'),
            isOther: this.flagChild(relEl, 'isOther', rp + '.isOther'),
            officerTitle: this.textChild(relEl, 'officerTitle', rp + '.officerTitle'),
            otherText: this.textChild(relEl, 'otherText', rp + '.otherText'),
          }
        : null,
    };
  }

  /** Adds `el` to the record if it is a row of the derivative (or non-derivative) table. */
  row(el: XmlElement, derivative: boolean, record: OwnershipRecord): void {
    const name = el.name;
    let kind: 'transaction' | 'holding';
    if (name === (derivative ? 'derivativeTransaction' : 'nonDerivativeTransaction')) kind = 'transaction';
    else if (name === (derivative ? 'derivativeHolding' : 'nonDerivativeHolding')) kind = 'holding';
    else if (name === (derivative ? 'derivativeSecurity' : 'nonDerivativeSecurity')) {
      // X0101: one element for both; a row with a transaction date or amounts is a transaction.
      const isTransaction = el.children.some(
        (c) => c.name === 'transactionDate' || c.name === 'transactionAmounts' || c.name === 'transactionCoding',
      );
      kind = isTransaction ? 'transaction' : 'holding';
    } else return;

    const list = derivative
      ? kind === 'transaction' ? record.derivativeTransactions : record.derivativeHoldings
      : kind === 'transaction' ? record.nonDerivativeTransactions : record.nonDerivativeHoldings;
    const table = derivative
      ? kind === 'transaction' ? 'derivativeTransactions' : 'derivativeHoldings'
      : kind === 'transaction' ? 'nonDerivativeTransactions' : 'nonDerivativeHoldings';
    const path: Path = table + '.' + list.length;
    if (name.endsWith('Security')) {
      this.report('XML_LEGACY_ELEMENT', { name: el.qname, as: `a row of ${table}` }, path, el);
    }
    this.checkChildren(el, KNOWN.row as Set<string>, path);

    const fn: FootnoteMap = {};
    const at = (field: string): Path => path + '.' + field;
    const securityTitle = this.valuedText(el, 'securityTitle', 'securityTitle', fn, at('securityTitle'));

    const codingEl = this.one(el, 'transactionCoding', at('transactionCode'));
    const codingKey = kind === 'transaction' ? 'transactionCode' : 'transactionFormType';
    if (codingEl) {
      this.checkChildren(codingEl, KNOWN.transactionCoding as Set<string>, at(codingKey));
      for (const f of this.all(codingEl, 'footnoteId')) this.footnoteRef(f, codingKey, fn, at(codingKey));
    }
    const transactionFormType = this.textChild(codingEl, 'transactionFormType', at('transactionFormType'));

    // Post-transaction amounts and ownership nature close every row; read them into
    // locals first so each row object is built in the contract's key order.
    const ownership = () => {
      const postEl = this.one(el, 'postTransactionAmounts', at('sharesOwnedFollowingTransaction'));
      if (postEl) this.checkChildren(postEl, KNOWN.postTransactionAmounts as Set<string>, at('sharesOwnedFollowingTransaction'));
      const natureEl = this.one(el, 'ownershipNature', at('directOrIndirectOwnership'));
      if (natureEl) this.checkChildren(natureEl, KNOWN.ownershipNature as Set<string>, at('directOrIndirectOwnership'));
      return {
        sharesOwnedFollowingTransaction: this.valuedNumber(postEl, 'sharesOwnedFollowingTransaction', 'sharesOwnedFollowingTransaction', fn, at('sharesOwnedFollowingTransaction')),
        valueOwnedFollowingTransaction: this.valuedNumber(postEl, 'valueOwnedFollowingTransaction', 'valueOwnedFollowingTransaction', fn, at('valueOwnedFollowingTransaction')),
        directOrIndirectOwnership: this.valuedText(natureEl, 'directOrIndirectOwnership', 'directOrIndirectOwnership', fn, at('directOrIndirectOwnership')),
        natureOfOwnership: this.valuedText(natureEl, 'natureOfOwnership', 'natureOfOwnership', fn, at('natureOfOwnership')),
        footnotes: fn,
      };
    };

    const transaction = () => {
      const amountsEl = this.one(el, 'transactionAmounts', at('shares'));
      if (amountsEl) this.checkChildren(amountsEl, KNOWN.transactionAmounts as Set<string>, at('shares'));
      const timelinessEl = this.one(el, 'transactionTimeliness', at('transactionTimeliness'));
      return {
        transactionDate: this.valuedDate(el, 'transactionDate', 'transactionDate', fn, at('transactionDate')),
        deemedExecutionDate: this.valuedDate(el, 'deemedExecutionDate', 'deemedExecutionDate', fn, at('deemedExecutionDate')),
        transactionFormType,
        transactionCode: this.textChild(codingEl, 'transactionCode', at('transactionCode')),
        equitySwapInvolved: this.flagChild(codingEl, 'equitySwapInvolved', at('equitySwapInvolved')),
        transactionTimeliness: this.from(at('transactionTimeliness'), timelinessEl, toText(this.valued(timelinessEl, 'transactionTimeliness', fn, at('transactionTimeliness')))),
        shares: this.valuedNumber(amountsEl, 'transactionShares', 'shares', fn, at('shares')),
        totalValue: this.valuedNumber(amountsEl, 'transactionTotalValue', 'totalValue', fn, at('totalValue')),
        pricePerShare: this.price(amountsEl, fn, at('pricePerShare')),
        acquiredDisposedCode: this.valuedText(amountsEl, 'transactionAcquiredDisposedCode', 'acquiredDisposedCode', fn, at('acquiredDisposedCode')),
      };
    };

    const derivativeTerms = () => {
      const underlyingEl = this.one(el, 'underlyingSecurity', at('underlyingSecurityTitle'));
      if (underlyingEl) this.checkChildren(underlyingEl, KNOWN.underlyingSecurity as Set<string>, at('underlyingSecurityTitle'));
      return {
        exerciseDate: this.valuedDate(el, 'exerciseDate', 'exerciseDate', fn, at('exerciseDate')),
        expirationDate: this.valuedDate(el, 'expirationDate', 'expirationDate', fn, at('expirationDate')),
        underlyingSecurityTitle: this.valuedText(underlyingEl, 'underlyingSecurityTitle', 'underlyingSecurityTitle', fn, at('underlyingSecurityTitle')),
        underlyingSecurityShares: this.valuedNumber(underlyingEl, 'underlyingSecurityShares', 'underlyingSecurityShares', fn, at('underlyingSecurityShares')),
        underlyingSecurityValue: this.valuedNumber(underlyingEl, 'underlyingSecurityValue', 'underlyingSecurityValue', fn, at('underlyingSecurityValue')),
      };
    };

    if (!derivative && kind === 'transaction') {
      const row: NonDerivativeTransaction = { securityTitle, ...transaction(), ...ownership() };
      record.nonDerivativeTransactions.push(row);
    } else if (!derivative) {
      const row: NonDerivativeHolding = { securityTitle, transactionFormType, ...ownership() };
      record.nonDerivativeHoldings.push(row);
    } else {
      const conversionOrExercisePrice = this.valuedNumber(el, 'conversionOrExercisePrice', 'conversionOrExercisePrice', fn, at('conversionOrExercisePrice'));
      if (kind === 'transaction') {
        const row: DerivativeTransaction = { securityTitle, conversionOrExercisePrice, ...transaction(), ...derivativeTerms(), ...ownership() };
        record.derivativeTransactions.push(row);
      } else {
        const row: DerivativeHolding = { securityTitle, conversionOrExercisePrice, transactionFormType, ...derivativeTerms(), ...ownership() };
        record.derivativeHoldings.push(row);
      }
    }
  }
}

function fieldName(path: Path): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

function splitPath(path: Path): (string | number)[] {
  return path === '' ? [] : path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Reads the record from a scanned `<ownershipDocument>`; issues are appended to `issues`,
 * and each value's element span to `provenance` when one is given.
 */
export function readOwnershipDocument(
  root: XmlElement,
  text: string,
  positions: Positions,
  issues: Issue[],
  provenance: Record<string, Provenance> | null = null,
): OwnershipRecord {
  return new DocumentReader(text, positions, issues, provenance).read(root);
}
