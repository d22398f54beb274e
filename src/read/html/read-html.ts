// Reads an HTML rendering of a Form 3, 4 or 5 (the SEC stylesheet's page, or EDGAR's own view)
// into the canonical record, with the span of every value it sets and issues for what it inferred.
//
// The page is read by its structure: boxes are found by their printed labels ("3. Date of Earliest
// Transaction"), Table I and Table II by their header cells, whose labels name each column; a
// footnote mark `(1)` beside a value becomes `F1` in the row's footnotes under that value's field.
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
import { toNumber, toText, toUsDate } from '../values.ts';
import { findFormTables, placeCells, type Column, type FormTable } from './form-tables.ts';
import {
  ancestor,
  collapseSpace,
  descendants,
  labelText,
  nextElement,
  parseHtml,
  readCell,
  readNodes,
  rowCells,
  tableRows,
  type CellValue,
  type HtmlElement,
  type HtmlNode,
  type HtmlText,
} from './html-tree.ts';
import { edgarCodeOf } from '../../record/edgar-codes.ts';

export interface HtmlReadResult {
  record: OwnershipRecord | null;
  issues: Issue[];
  provenance: Record<string, Provenance>;
}

/** Confidence of a value read from a labelled place, and of one placed by inference. */
const SURE = 1;
const INFERRED = 0.8;

interface Located {
  node: HtmlText;
  parent: HtmlElement;
  /** The text with white space collapsed, for matching labels. */
  label: string;
}

const EMPTY: CellValue = { text: '', start: -1, end: -1, footnotes: [] };

class HtmlReader {
  readonly input: string;
  readonly positions: Positions;
  readonly issues: Issue[] = [];
  readonly provenance: Record<string, Provenance> = {};
  readonly texts: Located[] = [];
  readonly tables: HtmlElement[] = [];

  constructor(input: string, positions: Positions) {
    this.input = input;
    this.positions = positions;
  }

  // --- reporting ---

  report(code: IssueCode, params: Record<string, string | number>, path: string | null, at: { start: number; end: number } | null): void {
    const span = at && at.start >= 0 ? this.positions.span(at.start, at.end) : null;
    this.issues.push(makeIssue(code, params, path === null ? null : splitPath(path), span));
  }

  /** Records where the value at `path` was read from. */
  from(path: string, cell: CellValue, confidence = SURE): void {
    if (cell.start < 0) return;
    this.provenance[path] = { span: this.positions.span(cell.start, cell.end), confidence };
  }

  text(cell: CellValue, path: string, confidence = SURE): string | null {
    const value = toText(cell.text);
    if (value !== null) this.from(path, cell, confidence);
    return value;
  }

  number(cell: CellValue, path: string): number | null {
    const r = toNumber(cell.text);
    if (r.problem === 'invalid') this.report('FORM4_NUMBER_INVALID', { value: cell.text, field: fieldName(path) }, path, cell);
    else if (r.problem === 'precision') this.report('FORM4_NUMBER_PRECISION', { value: cell.text, field: fieldName(path), kept: String(r.value) }, path, cell);
    if (r.value !== null) this.from(path, cell);
    return r.value;
  }

  date(cell: CellValue, path: string): string | null {
    // The SEC stylesheet cuts a date with a time-zone suffix (2021-09-30-05:00) into "09/30-05:00/2021".
    const zoned = ZONED_DATE.exec(cell.text);
    if (zoned) {
      const date = `${zoned[3]}-${(zoned[1] as string).padStart(2, '0')}-${(zoned[2] as string).padStart(2, '0')}`;
      this.report('FORM4_DATE_TIMEZONE', { value: cell.text, field: fieldName(path), date }, path, cell);
      this.from(path, cell);
      return date;
    }
    const r = toUsDate(cell.text);
    if (r.problem === 'invalid') this.report('FORM4_DATE_INVALID', { value: cell.text, field: fieldName(path) }, path, cell);
    else if (r.problem === 'impossible') this.report('FORM4_DATE_IMPOSSIBLE', { value: r.value ?? '', field: fieldName(path) }, path, cell);
    if (r.value !== null) this.from(path, cell);
    return r.value;
  }

  /** Keeps the footnote marks of `cell` under `key`, located at the value they follow. */
  marksOf(cell: CellValue, key: string, fn: FootnoteMap, path: string): void {
    if (cell.footnotes.length === 0) return;
    const ids = (fn[key] ??= []);
    for (const id of cell.footnotes) if (!ids.includes(id)) ids.push(id);
    if (cell.start >= 0) {
      const where = `${path.slice(0, path.lastIndexOf('.'))}.footnotes.${key}`;
      this.provenance[where] ??= { span: this.positions.span(cell.start, cell.end), confidence: SURE };
    }
  }

  // --- finding things on the page ---

  index(el: HtmlElement): void {
    for (const child of el.children) {
      if (child.kind === 'text') {
        if (NON_SPACE.test(child.data)) this.texts.push({ node: child, parent: el, label: collapseSpace(child.data) });
      } else {
        if (child.name === 'table') this.tables.push(child);
        if (child.name !== 'style' && child.name !== 'script' && child.name !== 'title') this.index(child);
      }
    }
  }

  /** The first text on the page that `re` matches (whitespace collapsed). */
  find(re: RegExp, from = 0): Located | null {
    for (let i = from; i < this.texts.length; i++) {
      const t = this.texts[i] as Located;
      if (re.test(t.label)) return t;
    }
    return null;
  }

  /**
   * The value printed in a box under its label: what follows the first line break after the
   * label in the label's cell.
   *
   *     <td><font>3. Date of Earliest Transaction (Month/Day/Year)</font><br>06/06/2023</td>
   *                                                                        ^ value
   */
  boxValue(label: Located | null): CellValue {
    if (!label) return EMPTY;
    const td = closestCell(label.parent);
    if (!td) return EMPTY;
    let k = td.children.findIndex((c) => contains(c, label.node));
    if (k < 0) return EMPTY;
    while (k < td.children.length && !isBr(td.children[k] as HtmlNode)) k++;
    return readNodes(td.children.slice(k + 1), this.input);
  }

  /** A checkbox beside its label: checked, unchecked, or null when no box is printed. */
  checkbox(re: RegExp): { value: boolean | null; at: CellValue } {
    const label = this.find(re);
    if (!label) return { value: null, at: EMPTY };
    const td = closestCell(label.parent);
    if (!td) return { value: null, at: EMPTY };
    const row = td.parent;
    const cells = row ? rowCells(row) : [];
    const box = cells[cells.indexOf(td) - 1];
    const at: CellValue = { text: '', start: label.node.start, end: label.node.end, footnotes: [] };
    if (!box) return { value: null, at };
    const input = descendants(box, 'input')[0];
    if (input) return { value: 'checked' in input.attribs, at: { ...at, start: input.start, end: input.end } };
    const mark = readCell(box, this.input);
    return { value: /^X$/i.test(mark.text), at: mark.start >= 0 ? mark : at };
  }

  // --- the page ---

  read(): OwnershipRecord | null {
    const root = parseHtml(this.input);
    this.index(root);

    const formTitle = this.find(/^FORM [345](\/A)?$/i);
    const formTables = findFormTables(this.tables);
    if (!formTitle && formTables.length === 0) {
      this.report('HTML_NOT_OWNERSHIP_FORM', {}, null, null);
      return null;
    }

    // Box 4 (Form 3: box 5): the date the original was filed makes the form an amendment.
    const originalCell = this.boxValue(this.find(/If Amendment, Date (of )?Original Filed/i));
    const dateOfOriginalSubmission = this.date(originalCell, 'dateOfOriginalSubmission');
    let documentType: string | null = null;
    if (formTitle) {
      const title = formTitle.node.data.replace(/\s+/g, ' ').trim().toUpperCase();
      documentType = title.slice(5);
      const at = { text: title, start: formTitle.node.start, end: formTitle.node.end, footnotes: [] };
      if (!documentType.endsWith('/A') && dateOfOriginalSubmission !== null) {
        this.report('HTML_AMENDMENT_INFERRED', { form: documentType }, 'documentType', originalCell);
        documentType += '/A';
        this.from('documentType', trimmed(at, this.input), INFERRED);
      } else this.from('documentType', trimmed(at, this.input));
    }

    const periodCell = this.boxValue(
      this.find(/^\d\. (Date of Earliest Transaction|Date of Event Requiring Statement|Statement for Issuer's Fiscal Year Ended)/i),
    );
    const periodOfReport = this.date(periodCell, 'periodOfReport');

    const section16 = this.checkbox(/no longer subject to Section 16/i);
    const holdings = this.checkbox(/^Form 3 Holdings Reported/i);
    const transactions = this.checkbox(/^Form 4 Transactions Reported/i);
    const aff = this.checkbox(/Rule 10b5-1\(c\)/i);
    const flag = (c: { value: boolean | null; at: CellValue }, path: string) => {
      if (c.value !== null) this.from(path, c.at);
      return c.value;
    };

    const record: OwnershipRecord = {
      documentType,
      schemaVersion: null,
      periodOfReport,
      dateOfOriginalSubmission,
      notSubjectToSection16: flag(section16, 'notSubjectToSection16'),
      form3HoldingsReported: flag(holdings, 'form3HoldingsReported'),
      form4TransactionsReported: flag(transactions, 'form4TransactionsReported'),
      noSecuritiesOwned: null,
      aff10b5One: flag(aff, 'aff10b5One'),
      issuer: this.issuer(),
      reportingOwners: this.reportingOwners(),
      nonDerivativeTransactions: [],
      nonDerivativeHoldings: [],
      derivativeTransactions: [],
      derivativeHoldings: [],
      footnotes: [],
      remarks: null,
      signatures: this.signatures(),
    };

    for (const table of formTables) this.table(table, record);
    this.explanations(record, documentType);

    // A mark with no footnote text is reported by the checks (CHECK_FOOTNOTE_UNDEFINED), at the mark.
    return record;
  }

  issuer(): OwnershipRecord['issuer'] {
    const cell = this.boxValue(this.find(/^\d\. Issuer Name/i));
    // "ADVANCED MICRO DEVICES INC [AMD]": the ticker is the bracketed part at the end.
    const m = /^([\s\S]*?)\s*\[\s*([^\[\]]*?)\s*\]\s*$/.exec(cell.text);
    let name: string | null;
    let tradingSymbol: string | null = null;
    if (m) {
      name = toText(m[1] as string);
      tradingSymbol = toText(m[2] as string);
      if (name !== null) this.from('issuer.name', sub(cell, this.input, m[1] as string));
      if (tradingSymbol !== null) this.from('issuer.tradingSymbol', sub(cell, this.input, tradingSymbol, true));
    } else name = this.text(cell, 'issuer.name');
    const foreign = this.boxValue(this.find(/^\d+a\. Foreign Trading Symbol/i));
    return { cik: null, name, tradingSymbol, foreignTradingSymbol: this.text(foreign, 'issuer.foreignTradingSymbol') };
  }

  // --- reporting owners ---

  reportingOwners(): ReportingOwner[] {
    const header = this.headerOwner();
    const table = this.ownersTable();
    if (!table) return header ? [header.owner] : [];

    const owners: ReportingOwner[] = [];
    table.forEach((row, i) => owners.push(this.ownerRow(row, i, header)));
    return owners;
  }

  /** Box 1 (name and address) and box 5 (relationship) of the first reporting owner. */
  headerOwner(): { owner: ReportingOwner; name: CellValue; streets: CellValue[]; city: CellValue; state: CellValue; zip: CellValue } | null {
    const label = this.find(/Name and Address of Reporting Person/i);
    if (!label) return null;
    const nameTd = nextElement(label.parent, (e) => e.name === 'td' && labelText(e) !== '');
    const name = nameTd ? readCell(nameTd, this.input) : EMPTY;

    // Street lines follow the "(Last) (First) (Middle)" captions.
    let streets: CellValue[] = [];
    const last = this.find(/^\(Last\)$/);
    const lastTable = last ? ancestor(last.parent, 'table') : null;
    if (lastTable && lastTable.parent) {
      let anchor: HtmlElement = lastTable;
      if (anchor.parent?.name === 'center') anchor = anchor.parent;
      const container = anchor.parent as HtmlElement;
      const after = container.children.slice(container.children.indexOf(anchor) + 1);
      const streetTable = after.find((n): n is HtmlElement => n.kind === 'element' && n.name === 'table');
      if (streetTable) streets = tableRows(streetTable).map((r) => readCell(r, this.input));
      else streets = splitLines(after, this.input);
    }

    // City, state and zip: the table after the "(Street)" caption.
    let city = EMPTY;
    let state = EMPTY;
    let zip = EMPTY;
    const street = this.find(/^\(Street\)$/);
    if (street) {
      const captionTable = ancestor(street.parent, 'table');
      const start = captionTable && labelText(captionTable) === '(Street)' ? captionTable : street.parent;
      const cszTable = nextElement(start, (e) => e.name === 'table');
      const rows = cszTable ? tableRows(cszTable) : [];
      const row = rows.findLast((r) => rowCells(r).length >= 3);
      if (row) {
        const cells = rowCells(row);
        city = readCell(cells[0] as HtmlElement, this.input);
        state = readCell(cells[1] as HtmlElement, this.input);
        zip = readCell(cells[2] as HtmlElement, this.input);
      }
    }

    const p = 'reportingOwners.0';
    const owner: ReportingOwner = {
      cik: null,
      name: this.text(name, p + '.name'),
      address: {
        street1: this.text(streets[0] ?? EMPTY, p + '.address.street1'),
        street2: this.text(streets[1] ?? EMPTY, p + '.address.street2'),
        city: this.text(city, p + '.address.city'),
        state: null,
        zipCode: this.text(zip, p + '.address.zipCode'),
        stateDescription: null,
        country: null,
        nonUSStateTerritory: null,
        nonUSAddress: null,
      },
      relationship: this.headerRelationship(p),
    };
    this.state(state, owner, p);
    return { owner, name, streets, city, state, zip };
  }

  state(cell: CellValue, owner: ReportingOwner, path: string, confidence = SURE): void {
    const printed = toText(cell.text);
    if (printed === null || !owner.address) return;
    const code = edgarCodeOf(printed);
    if (code !== null) {
      owner.address.state = code;
      this.from(path + '.address.state', cell, confidence);
    } else {
      this.report('HTML_STATE_UNKNOWN', { value: printed }, path + '.address.state', cell);
      owner.address.stateDescription = printed;
      this.from(path + '.address.stateDescription', cell, confidence);
    }
  }

  /** Box 5 checkboxes: `__X__ Director` (SEC stylesheet) or an `X` cell beside "Director" (EDGAR). */
  headerRelationship(p: string): ReportingOwner['relationship'] {
    const box = (re: RegExp, key: string): boolean | null => {
      const label = this.find(re);
      if (!label) return null;
      const t = label.node.data.replace(/\s+/g, ' ').trim();
      const at: CellValue = trimmed({ text: t, start: label.node.start, end: label.node.end, footnotes: [] }, this.input);
      let value: boolean;
      if (/^_/.test(t)) value = /^_*X_*/i.test(t);
      else {
        const td = closestCell(label.parent) ?? label.parent;
        const cells = td.parent ? rowCells(td.parent) : [];
        const prev = cells[cells.indexOf(td) - 1];
        value = prev ? /^X$/i.test(labelText(prev)) : false;
      }
      this.from(`${p}.relationship.${key}`, at);
      return value;
    };
    const isDirector = box(/^(_+(X_+)?\s*)?Director$/i, 'isDirector');
    const isTenPercentOwner = box(/^(_+(X_+)?\s*)?10% Owner$/i, 'isTenPercentOwner');
    const isOfficer = box(/^(_+(X_+)?\s*)?Officer \(give title below\)$/i, 'isOfficer');
    const isOther = box(/^(_+(X_+)?\s*)?Other \(specify below\)$/i, 'isOther');
    let officerTitle: string | null = null;
    let otherText: string | null = null;
    const officerLabel = this.find(/Officer \(give title below\)$/i);
    const labelRow = officerLabel ? ancestor(officerLabel.parent, 'tr') : null;
    const titleRow = labelRow ? nextElement(labelRow, (e) => e.name === 'tr') : null;
    if (titleRow) {
      const cells = rowCells(titleRow);
      if (cells.length === 1) {
        // The SEC stylesheet prints one line under the boxes: the officer title, else the other text.
        const cell = readCell(cells[0] as HtmlElement, this.input);
        if (isOfficer) officerTitle = this.text(cell, p + '.relationship.officerTitle', INFERRED);
        else if (isOther) otherText = this.text(cell, p + '.relationship.otherText', INFERRED);
      } else if (cells.length >= 4) {
        officerTitle = this.text(readCell(cells[1] as HtmlElement, this.input), p + '.relationship.officerTitle');
        otherText = this.text(readCell(cells[3] as HtmlElement, this.input), p + '.relationship.otherText');
      }
    }
    return { isDirector, isOfficer, isTenPercentOwner, isOther, officerTitle, otherText };
  }

  /** Rows of the "Reporting Owners" table (name/address, Director, 10% Owner, Officer, Other). */
  ownersTable(): HtmlElement[] | null {
    const label = this.find(/^Reporting Owner Name \/ Address$/i);
    const table = label ? ancestor(label.parent, 'table') : null;
    if (!table) return null;
    return tableRows(table).filter((r) => {
      const cells = rowCells(r);
      return cells.length >= 5 && !/^Reporting Owner Name/i.test(labelText(cells[0] as HtmlElement));
    });
  }

  ownerRow(row: HtmlElement, i: number, header: ReturnType<HtmlReader['headerOwner']>): ReportingOwner {
    const p = `reportingOwners.${i}`;
    const cells = rowCells(row).map((c) => readCell(c, this.input));
    const nameCell = rowCells(row)[0] as HtmlElement;
    const lines = splitLines(nameCell.children, this.input).filter((l) => l.text !== '');
    const name = lines[0] ?? EMPTY;
    const owner: ReportingOwner = {
      cik: null,
      name: null,
      address: { street1: null, street2: null, city: null, state: null, zipCode: null, stateDescription: null, country: null, nonUSStateTerritory: null, nonUSAddress: null },
      relationship: null,
    };

    if (i === 0 && header && header.owner.name !== null) {
      // Box 1 prints the first owner's address field by field; the table prints only the lines given.
      if (toText(name.text) !== header.owner.name) {
        this.report('HTML_OWNER_HEADER_MISMATCH', { header: header.owner.name, table: name.text }, p + '.name', name);
      } else {
        owner.name = this.text(name, p + '.name');
        owner.address = header.owner.address;
      }
    }
    if (owner.name === null) {
      owner.name = this.text(name, p + '.name');
      this.addressLines(lines.slice(1), owner, p);
    }

    // Director and 10% Owner print an X; Officer and Other print the title or text.
    const x = (cell: CellValue | undefined, key: string): boolean => {
      const on = cell !== undefined && cell.text !== '';
      if (on) this.from(`${p}.relationship.${key}`, cell);
      return on;
    };
    const officer = cells[3] ?? EMPTY;
    const other = cells[4] ?? EMPTY;
    owner.relationship = {
      isDirector: x(cells[1], 'isDirector'),
      isOfficer: x(officer, 'isOfficer'),
      isTenPercentOwner: x(cells[2], 'isTenPercentOwner'),
      isOther: x(other, 'isOther'),
      officerTitle: /^X$/i.test(officer.text) ? null : this.text(officer, p + '.relationship.officerTitle'),
      otherText: /^X$/i.test(other.text) ? null : this.text(other, p + '.relationship.otherText'),
    };
    return owner;
  }

  /**
   * Address lines of the Reporting Owners table: street lines, city, state, zip and country, each
   * printed only when given. The state line is recognised by name; what precedes it is city and streets.
   */
  addressLines(lines: CellValue[], owner: ReportingOwner, p: string): void {
    const address = owner.address;
    if (!address || lines.length === 0) return;
    // The stylesheet closes the address with a country line ("UNITED STATES" even for a foreign
    // state), which is not part of the XML address.
    if (lines.length >= 3 && edgarCodeOf((lines[lines.length - 1] as CellValue).text) !== null) lines = lines.slice(0, -1);
    let s = -1;
    for (let k = lines.length - 1; k >= 0; k--) {
      if (edgarCodeOf((lines[k] as CellValue).text) !== null) {
        s = k;
        break;
      }
    }
    // With no state line, the last lines are taken as city and zip code.
    if (s === -1) {
      this.report('HTML_OWNER_ADDRESS_LINES', { owner: owner.name ?? String(p), lines: lines.length, detail: 'no line is a state name, so the lines were read as street, city and zip code' }, p + '.address', lines[0] as CellValue);
      const body = lines.slice();
      const zip = body.length >= 2 ? body.pop() : undefined;
      const city = body.length >= 2 ? body.pop() : undefined;
      address.street1 = this.text(body[0] ?? EMPTY, p + '.address.street1', INFERRED);
      address.street2 = this.text(body[1] ?? EMPTY, p + '.address.street2', INFERRED);
      address.city = this.text(city ?? EMPTY, p + '.address.city', INFERRED);
      address.zipCode = this.text(zip ?? EMPTY, p + '.address.zipCode', INFERRED);
      return;
    }
    this.state(lines[s] as CellValue, owner, p);
    const zip = lines[s + 1];
    if (zip) address.zipCode = this.text(zip, p + '.address.zipCode');
    const before = lines.slice(0, s);
    const city = before.pop();
    if (city) address.city = this.text(city, p + '.address.city');
    if (before.length === 1) {
      // One street line: street1 unless street1 was left empty; the page cannot tell.
      address.street1 = this.text(before[0] as CellValue, p + '.address.street1', INFERRED);
    } else {
      address.street1 = this.text(before[0] ?? EMPTY, p + '.address.street1');
      address.street2 = this.text(before[1] ?? EMPTY, p + '.address.street2');
    }
  }

  // --- Table I and Table II ---

  table(table: FormTable, record: OwnershipRecord): void {
    const tableName = table.derivative ? 'Table II' : 'Table I';
    for (const label of table.unknown) this.report('HTML_COLUMN_UNKNOWN', { label, table: tableName }, null, null);
    const hasTransactions = table.columns.includes('transactionDate');
    for (const row of table.rows) {
      const { cells, count } = placeCells(row);
      if (count === 0) continue;
      if (cells.length !== table.columns.length) {
        this.report('HTML_ROW_SHAPE', { table: tableName, cells: cells.length, columns: table.columns.length }, null, { start: row.start, end: row.end });
      }
      const values = new Map<Column, CellValue>();
      table.columns.forEach((col, k) => {
        const cell = cells[k];
        if (col !== null && cell) values.set(col, readCell(cell, this.input));
      });
      if (hasTransactions && !isHoldingRow(values)) this.transactionRow(values, table.derivative, record, row);
      else this.holdingRow(values, table.derivative, record);
    }
  }

  transactionRow(values: Map<Column, CellValue>, derivative: boolean, record: OwnershipRecord, row: HtmlElement): void {
    const path = derivative ? `derivativeTransactions.${record.derivativeTransactions.length}` : `nonDerivativeTransactions.${record.nonDerivativeTransactions.length}`;
    const fn: FootnoteMap = {};
    const v = (col: Column) => values.get(col) ?? EMPTY;
    const at = (field: string) => `${path}.${field}`;
    const text = (col: Column, field: string = col) => {
      this.marksOf(v(col), field, fn, at(field));
      return this.text(v(col), at(field));
    };
    const num = (col: Column, field: string = col) => {
      this.marksOf(v(col), field, fn, at(field));
      return this.number(v(col), at(field));
    };
    const date = (col: Column, field: string = col) => {
      this.marksOf(v(col), field, fn, at(field));
      return this.date(v(col), at(field));
    };

    const securityTitle = text('securityTitle');
    const conversionOrExercisePrice = derivative ? num('conversionOrExercisePrice') : null;
    const transactionDate = date('transactionDate');
    const deemedExecutionDate = date('deemedExecutionDate');
    // The code cell: "S", "J/K" (an equity swap), or on Form 5 "P4" (the form it was due on).
    //     <td>J/K</td>   <td>P4</td>
    //         ^ ^^           ^^ transactionFormType
    const codeCell = v('transactionCode');
    this.marksOf(codeCell, 'transactionCode', fn, at('transactionCode'));
    let transactionCode: string | null = null;
    let equitySwapInvolved: boolean | null = null;
    let transactionFormType: string | null = null;
    const code = CODE.exec(codeCell.text);
    if (code) {
      transactionCode = code[1] as string;
      equitySwapInvolved = code[2] !== undefined;
      transactionFormType = code[3] ?? null;
      this.from(at('transactionCode'), sub(codeCell, this.input, transactionCode));
      this.from(at('equitySwapInvolved'), codeCell, INFERRED);
      if (transactionFormType !== null) this.from(at('transactionFormType'), sub(codeCell, this.input, transactionFormType, true));
    } else transactionCode = this.text(codeCell, at('transactionCode'));
    // Form 4's V column marks a transaction voluntarily reported, i.e. on a Form 5 basis.
    if (values.has('equitySwapInvolved')) {
      const cell = v('equitySwapInvolved');
      this.marksOf(cell, 'transactionFormType', fn, at('transactionFormType'));
      if (/^V$/i.test(cell.text)) {
        transactionFormType = '5';
        this.from(at('transactionFormType'), cell);
      }
    }

    // Table I prints amount and (A) or (D) in two columns; Table II prints the amount under (A) or (D).
    let shares: number | null = null;
    let totalValue: number | null = null;
    let acquiredDisposedCode: string | null;
    // An amount printed with "$" is a value (transactionTotalValue), not a number of shares.
    const amount = (col: Column) => {
      if (isDollar(v(col))) totalValue = num(col, 'totalValue');
      else shares = num(col, 'shares');
    };
    if (values.has('shares') || !(values.has('sharesA') || values.has('sharesD'))) {
      amount('shares');
      acquiredDisposedCode = text('acquiredDisposedCode');
    } else {
      const a = v('sharesA');
      const d = v('sharesD');
      const aShown = a.text !== '' || a.footnotes.length > 0;
      const dShown = d.text !== '' || d.footnotes.length > 0;
      if (aShown && dShown) this.report('HTML_AMOUNT_IN_BOTH_COLUMNS', {}, at('shares'), { start: row.start, end: row.end });
      const col: Column = aShown || !dShown ? 'sharesA' : 'sharesD';
      amount(col);
      const cell = v(col);
      acquiredDisposedCode = cell.text !== '' ? (col === 'sharesA' ? 'A' : 'D') : null;
      if (acquiredDisposedCode !== null) this.from(at('acquiredDisposedCode'), cell, INFERRED);
    }
    const pricePerShare = num('pricePerShare');

    if (!derivative) {
      const r: NonDerivativeTransaction = {
        securityTitle,
        transactionDate,
        deemedExecutionDate,
        transactionFormType,
        transactionCode,
        equitySwapInvolved,
        transactionTimeliness: null,
        shares,
        totalValue,
        pricePerShare,
        acquiredDisposedCode,
        ...this.ownership(v, text, num),
        footnotes: fn,
      };
      record.nonDerivativeTransactions.push(r);
      return;
    }
    const r: DerivativeTransaction = {
      securityTitle,
      conversionOrExercisePrice,
      transactionDate,
      deemedExecutionDate,
      transactionFormType,
      transactionCode,
      equitySwapInvolved,
      transactionTimeliness: null,
      shares,
      totalValue,
      pricePerShare,
      acquiredDisposedCode,
      exerciseDate: date('exerciseDate'),
      expirationDate: date('expirationDate'),
      underlyingSecurityTitle: text('underlyingSecurityTitle'),
      ...this.underlying(v, num),
      ...this.ownership(v, text, num),
      footnotes: fn,
    };
    record.derivativeTransactions.push(r);
  }

  /** Amount columns print a value (rather than a number of shares) with "$". */
  underlying(
    v: (col: Column) => CellValue,
    num: (col: Column, field?: string) => number | null,
  ): { underlyingSecurityShares: number | null; underlyingSecurityValue: number | null } {
    const dollar = isDollar(v('underlyingSecurityShares'));
    return {
      underlyingSecurityShares: dollar ? null : num('underlyingSecurityShares'),
      underlyingSecurityValue: dollar ? num('underlyingSecurityShares', 'underlyingSecurityValue') : null,
    };
  }

  ownership(
    v: (col: Column) => CellValue,
    text: (col: Column) => string | null,
    num: (col: Column, field?: string) => number | null,
  ): { sharesOwnedFollowingTransaction: number | null; valueOwnedFollowingTransaction: number | null; directOrIndirectOwnership: string | null; natureOfOwnership: string | null } {
    const dollar = isDollar(v('sharesOwnedFollowingTransaction'));
    return {
      sharesOwnedFollowingTransaction: dollar ? null : num('sharesOwnedFollowingTransaction'),
      valueOwnedFollowingTransaction: dollar ? num('sharesOwnedFollowingTransaction', 'valueOwnedFollowingTransaction') : null,
      directOrIndirectOwnership: text('directOrIndirectOwnership'),
      natureOfOwnership: text('natureOfOwnership'),
    };
  }

  holdingRow(values: Map<Column, CellValue>, derivative: boolean, record: OwnershipRecord): void {
    const path = derivative ? `derivativeHoldings.${record.derivativeHoldings.length}` : `nonDerivativeHoldings.${record.nonDerivativeHoldings.length}`;
    const fn: FootnoteMap = {};
    const v = (col: Column) => values.get(col) ?? EMPTY;
    const at = (field: string) => `${path}.${field}`;
    const text = (col: Column) => {
      this.marksOf(v(col), col, fn, at(col));
      return this.text(v(col), at(col));
    };
    const num = (col: Column, field: string = col) => {
      this.marksOf(v(col), field, fn, at(field));
      return this.number(v(col), at(field));
    };
    const date = (col: Column) => {
      this.marksOf(v(col), col, fn, at(col));
      return this.date(v(col), at(col));
    };
    // A holding row of Form 4 or 5 leaves the transaction columns empty, but a mark in the
    // code column belongs to the row's coding (transactionFormType in the XML).
    const coding = v('transactionCode');
    this.marksOf(coding, 'transactionFormType', fn, at('transactionFormType'));

    const securityTitle = text('securityTitle');
    if (!derivative) {
      const r: NonDerivativeHolding = { securityTitle, transactionFormType: null, ...this.ownership(v, text, num), footnotes: fn };
      record.nonDerivativeHoldings.push(r);
      return;
    }
    const r: DerivativeHolding = {
      securityTitle,
      conversionOrExercisePrice: num('conversionOrExercisePrice'),
      transactionFormType: null,
      exerciseDate: date('exerciseDate'),
      expirationDate: date('expirationDate'),
      underlyingSecurityTitle: text('underlyingSecurityTitle'),
      ...this.underlying(v, num),
      ...this.ownership(v, text, num),
      footnotes: fn,
    };
    record.derivativeHoldings.push(r);
  }

  // --- signatures, footnotes, remarks ---

  signatures(): Signature[] {
    const label = this.find(/Signature of Reporting Person$/i);
    const labelRow = label ? ancestor(label.parent, 'tr') : null;
    const table = labelRow ? ancestor(labelRow, 'table') : null;
    if (!table || !labelRow) return [];
    const out: Signature[] = [];
    // Each signature row is followed by its caption row ("Signature of Reporting Person", "Date");
    // on EDGAR's pages other notes follow the captions.
    const rows = tableRows(table);
    const isCaption = (r: HtmlElement | undefined) => r !== undefined && /Signature of Reporting Person/i.test(labelText(r));
    for (const [k, row] of rows.entries()) {
      if (isCaption(row) || !isCaption(rows[k + 1])) continue;
      const cells = rowCells(row).map((c) => readCell(c, this.input)).filter((c) => c.text !== '');
      if (cells.length === 0) continue;
      const p = `signatures.${out.length}`;
      const last = cells[cells.length - 1] as CellValue;
      const hasDate = cells.length >= 2 || toUsDate(last.text).problem === null && /\d{4}$/.test(last.text);
      const nameCell = hasDate && cells.length >= 2 ? (cells[0] as CellValue) : hasDate ? EMPTY : last;
      out.push({ name: this.text(nameCell, p + '.name'), date: hasDate ? this.date(last, p + '.date') : null });
    }
    return out;
  }

  /** Footnotes, remarks and the "No securities are beneficially owned" line. */
  explanations(record: OwnershipRecord, documentType: string | null): void {
    const label = this.find(/^Explanation of Responses:?$/i);
    if (label) {
      let rows: HtmlElement[];
      if (label.parent.name === 'h2' || ancestor(label.parent, 'h2')) {
        const table = nextElement(ancestor(label.parent, 'h2') ?? label.parent, (e) => e.name === 'table');
        rows = table ? tableRows(table) : [];
      } else {
        const labelRow = ancestor(label.parent, 'tr');
        const table = labelRow ? ancestor(labelRow, 'table') : null;
        rows = table && labelRow ? tableRows(table).slice(tableRows(table).indexOf(labelRow) + 1) : [];
      }
      for (const row of rows) this.explanationRow(row, record);
    }
    if (record.remarks === null) {
      // EDGAR pages print "Remarks:" in a cell of its own, the text in the next row.
      const remarks = this.find(/^Remarks:$/i);
      const row = remarks && record.footnotes.length >= 0 ? ancestor(remarks.parent, 'tr') : null;
      const next = row ? nextElement(row, (e) => e.name === 'td') : null;
      if (next && !/Signature of Reporting Person|^\*/i.test(labelText(next))) {
        record.remarks = this.text(readCell(next, this.input), 'remarks');
      }
    }
    if (documentType?.startsWith('3')) {
      record.noSecuritiesOwned = this.find(/^No securities are beneficially owned$/i) !== null;
    }
  }

  explanationRow(row: HtmlElement, record: OwnershipRecord): void {
    const cells = rowCells(row);
    const first = cells[0];
    if (!first) return;
    // The SEC stylesheet: a mark cell "(<a name="#F1"></a>1)" beside the text cell.
    if (cells.length >= 2) {
      const anchor = descendants(first, 'a').find((a) => /^#?F\d+$/i.test(a.attribs.name ?? ''));
      const m = /^\((\d+)\)$/.exec(labelText(first));
      const id = anchor ? (anchor.attribs.name as string).replace('#', '').toUpperCase() : m ? 'F' + (m[1] as string) : null;
      if (id !== null) this.footnote(id, readCell(cells[1] as HtmlElement, this.input), record);
      return;
    }
    // One cell: "Remarks:" and its text, or (EDGAR) a footnote written "1. text".
    const bold = descendants(first, 'b').find((b) => /^Remarks:$/i.test(labelText(b)));
    if (bold) {
      const after = first.children.slice(first.children.indexOf(bold) + 1);
      record.remarks = this.text(readNodes(after, this.input), 'remarks');
      return;
    }
    const cell = readCell(first, this.input);
    const m = /^(\d+)\.\s+/.exec(cell.text);
    if (m && /FootnoteData/.test(first.attribs.class ?? '')) {
      const text: CellValue = { ...cell, text: cell.text.slice(m[0].length), start: cell.start + m[0].length };
      this.footnote('F' + (m[1] as string), text, record);
    }
  }

  footnote(id: string, cell: CellValue, record: OwnershipRecord): void {
    const path = `footnotes.${record.footnotes.length}`;
    const footnote: Footnote = { id, text: this.text(cell, path + '.text') };
    record.footnotes.push(footnote);
  }
}

const NON_SPACE = /\S/;

const ZONED_DATE = /^(\d{1,2})\/(\d{1,2})[+-]\d{2}:\d{2}\/(\d{4})$/;

/** The table cell `el` is, or is inside. */
function closestCell(el: HtmlElement): HtmlElement | null {
  return el.name === 'td' || el.name === 'th' ? el : (ancestor(el, 'td') ?? ancestor(el, 'th'));
}

const CODE = /^([A-Z])(\/K)?\s*([345])?$/;

function isDollar(cell: CellValue): boolean {
  return cell.text.startsWith('$') && !/^\$\s*$/.test(cell.text);
}

/** A Form 4 or 5 row with nothing in the transaction columns is a holding. */
function isHoldingRow(values: Map<Column, CellValue>): boolean {
  for (const col of ['transactionDate', 'deemedExecutionDate', 'transactionCode', 'equitySwapInvolved', 'shares', 'sharesA', 'sharesD', 'acquiredDisposedCode'] as const) {
    const cell = values.get(col);
    if (cell && cell.text !== '') return false;
  }
  const price = values.get('pricePerShare');
  return !(price && (price.text.replace(/\$/g, '').trim() !== '' || price.footnotes.length > 0));
}

/** Nodes split into lines at `<br>` elements that are direct children. */
function splitLines(nodes: readonly HtmlNode[], input: string): CellValue[] {
  const lines: CellValue[] = [];
  let current: HtmlNode[] = [];
  for (const node of nodes) {
    if (isBr(node)) {
      lines.push(readNodes(current, input));
      current = [];
    } else current.push(node);
  }
  lines.push(readNodes(current, input));
  return lines;
}

function isBr(node: HtmlNode): boolean {
  return node.kind === 'element' && node.name === 'br';
}

function contains(node: HtmlNode, target: HtmlNode): boolean {
  if (node === target) return true;
  if (node.kind !== 'element') return false;
  return node.children.some((c) => contains(c, target));
}

/** `cell` narrowed to the first occurrence of `part` in its raw text (or the last, with `fromEnd`). */
function sub(cell: CellValue, input: string, part: string, fromEnd = false): CellValue {
  const raw = input.slice(cell.start, cell.end);
  const t = part.trim();
  const i = fromEnd ? raw.lastIndexOf(t) : raw.indexOf(t);
  if (i < 0) return cell;
  return { ...cell, start: cell.start + i, end: cell.start + i + t.length };
}

function trimmed(cell: CellValue, input: string): CellValue {
  let s = cell.start;
  let e = cell.end;
  while (s < e && /\s/.test(input[s] as string)) s++;
  while (e > s && /\s/.test(input[e - 1] as string)) e--;
  return { ...cell, start: s, end: e };
}

function fieldName(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

function splitPath(path: string): (string | number)[] {
  return path === '' ? [] : path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Reads one HTML rendering of a Form 3, 4 or 5. Never throws on bad input. */
export function readHtml(text: string, positions: Positions): HtmlReadResult {
  const reader = new HtmlReader(text, positions);
  const record = reader.read();
  return { record, issues: reader.issues, provenance: reader.provenance };
}
