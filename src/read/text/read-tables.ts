// Reads the rows of Table I (non-derivative) and Table II (derivative) into record rows:
// finds each table by its printed title or column headings, places every row's cells
// into the form's columns, and checks what the form guarantees (A/D against the code,
// shares owned following = previous ± amount).
import type {
  DerivativeHolding,
  DerivativeTransaction,
  FootnoteMap,
  NonDerivativeHolding,
  NonDerivativeTransaction,
  OwnershipRecord,
} from '../../record/schema.ts';
import { toNumber, toUsDate } from '../values.ts';
import { alignRow, DATE_WORD, type Placed, type Token } from './align-row.ts';
import { fuzzyFind } from './fuzzy-match.ts';
import { columnsOf, type Column } from './table-columns.ts';
import { isHeadLine, readLayoutTable } from './layout-table.ts';
import { isWhiteSpace, matchStarts, type Cell, type Line, type TextSink } from './text-grid.ts';

export interface TableBounds {
  /** Line numbers: first line after the table's title/headings start, and the line that ends it. */
  table1: { from: number; to: number } | null;
  table2: { from: number; to: number } | null;
  /** First line of the tables (end of the header boxes). */
  start: number;
  /** Line that ends the tables: Explanation of Responses, Remarks, the signature. */
  end: number;
  anchors: number;
}

const T1_TITLE = /\bTable\s+I\b(?!I)/i;
const T2_TITLE = /\bTable\s+II\b/i;
const T1_HEAD = /Title\s+of\s+Security/i;
const T2_HEAD = /Title\s+of\s+Derivative\s+Security/i;
const END = /Explanation\s+of\s+Responses|^\s*Remarks\s*:|Signature\s+of\s+Reporting\s+Person|^\W*Reporting\s+Owners\W*$|Reporting\s+Owner\s+Name\s*\/\s*Address/i;
/** What the rendered page prints between its tables: the reminder and the OMB notice. */
const PAGE_NOTE = /^\s*Reminder\s*:|Persons\s+who\s+respond\s+to\s+the\s+collection|SEC\s+1474\s*\(/i;
/** What the titles, heads and END above each need one of: a line with none is not tried five times. */
const ANY_MARK = /Table\s+I|Title\s+of|Explanation\s+of\s+Responses|Remarks\s*:|Signature\s+of\s+Reporting\s+Person|Reporting\s+Owner/i;
const ANY_MARK_ALL = new RegExp(ANY_MARK.source, 'gi');
const HEADER_LINE = /\(Instr\.|Title\s+of|Date\s+Exercisable|\bCode\b|Month\/Day\/Year|\bTable\s+II?\b|Amount\s+or\s+Number/i;

export function findTables(lines: Line[], sink: TextSink, fuzzy = true): TableBounds {
  let t1 = -1;
  let t2 = -1;
  let h1 = -1;
  let h2 = -1;
  let end = -1;
  const marked = matchStarts(ANY_MARK_ALL, sink.clean.text);
  for (const line of lines) {
    if (line.blank || !marked(line)) continue;
    const j = line.joined;
    if (!ANY_MARK.test(j)) continue;
    if (t1 === -1 && T1_TITLE.test(j) && /deriv|securit|owned/i.test(j)) t1 = line.no;
    else if (t2 === -1 && T2_TITLE.test(j)) t2 = line.no;
    if (h2 === -1 && T2_HEAD.test(j)) h2 = line.no;
    else if (h1 === -1 && T1_HEAD.test(j) && !/Derivative/i.test(j)) h1 = line.no;
    if (END.test(j) && (t1 !== -1 || t2 !== -1 || h1 !== -1 || h2 !== -1)) {
      end = line.no;
      break;
    }
  }
  // A title broken by extraction ("Tal⇥ole I - Non-De⇥erivativ"): matched letter by letter.
  if (t1 === -1 && fuzzy) {
    const limit = Math.min(h1 !== -1 ? h1 : h2 !== -1 ? h2 : lines.length, 300);
    for (const line of lines) {
      if (line.no >= limit) break;
      if (line.blank || line.joined.length > 400 || !/ta|ble|le\s*I/i.test(line.joined)) continue;
      const hit = fuzzyFind(line.joined, 'tableinonderivativesecuritiesacquireddisposedoforbeneficiallyowned', 0.2);
      if (hit) {
        t1 = line.no;
        const raw = line.cells.filter((c) => c.text !== '');
        sink.report(
          'TEXT_LABEL_DAMAGED',
          { label: 'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned', seen: line.joined.slice(hit.start, hit.end) },
          null,
          raw[0]?.start ?? line.start,
          raw[raw.length - 1]?.end ?? line.end,
        );
        break;
      }
    }
  }
  const endLine = end === -1 ? lines.length : end;
  const first = (...xs: number[]) => {
    const ok = xs.filter((x) => x !== -1);
    return ok.length === 0 ? -1 : Math.min(...ok);
  };
  const s1 = first(t1, h1);
  const s2 = first(t2, h2);
  const anchors = [t1, t2, h1, h2].filter((x) => x !== -1).length;
  return {
    table1: s1 === -1 ? null : { from: s1, to: s2 !== -1 && s2 > s1 ? s2 : endLine },
    table2: s2 === -1 ? null : { from: s2, to: endLine },
    start: first(s1, s2) === -1 ? endLine : first(s1, s2),
    end: endLine,
    anchors,
  };
}

type Form = '3' | '4' | '5';

/**
 * Dispositions the form expects for codes that have one ("what (A) or (D) is printed with
 * code X"), used only to place a damaged row's lone amount; a code printed against its usual
 * (A)/(D) is kept as printed and reported by the checks (CHECK_TRANSACTION_CODE_DIRECTION).
 */
const EXPECTED: Record<1 | 2, Record<string, 'A' | 'D'>> = {
  1: { P: 'A', S: 'D', A: 'A', M: 'A', X: 'A', C: 'A', O: 'A', F: 'D', D: 'D' },
  2: { P: 'A', S: 'D', A: 'A', M: 'D', X: 'D', C: 'D', O: 'D', F: 'D', D: 'D' },
};

export function readTables(lines: Line[], bounds: TableBounds, form: Form, sink: TextSink, record: OwnershipRecord, input: string): void {
  for (const table of [1, 2] as const) {
    const range = table === 1 ? bounds.table1 : bounds.table2;
    if (!range) continue;
    const columns = columnsOf(form, table);
    const name = table === 1 ? 'Table I' : 'Table II';
    let rowNo = 0;
    // Tab-separated cells (seed style) are read line by line; anything else by its layout.
    // Lines are cut into cells at their tabs: a line of the table holds one just when it has more
    // than one cell (no scan of the text, which for a PDF's tabless text ran to its end).
    let tabbed = false;
    for (let n = range.from + 1; n < range.to && !tabbed; n++) tabbed = (lines[n] as Line).cells.length > 1;
    const layout = tabbed ? null : readLayoutTable(lines, range.from, range.to, columns, sink, input);
    if (layout) {
      const inferred = layout.rows.filter((r) => r.inferred && !r.flow).length;
      const offPage = layout.rows.filter((r) => r.flow && r.ordered && r.cells.length > 1);
      if (layout.mode === 'flow' && layout.rows.length > 0) sink.report('TEXT_ROWS_READ_IN_ORDER', { table: name }, null, (layout.rows[0] as { start: number }).start, (layout.rows[0] as { end: number }).end);
      else if (offPage.length > 0) sink.report('TEXT_ROWS_OFF_HEADS_PAGE', { table: name, rows: offPage.length }, null, (offPage[0] as { start: number }).start, (offPage[offPage.length - 1] as { end: number }).end);
      else if (inferred > 0) sink.report('TEXT_ROWS_SPLIT_BY_LAYOUT', { table: name, rows: inferred }, null, (layout.rows[0] as { start: number }).start, (layout.rows[layout.rows.length - 1] as { end: number }).end);
      for (const row of layout.rows) {
        if (row.cells.length < 2) {
          const cell = row.cells[0];
          if (cell) sink.report('TEXT_LINE_UNREAD', { value: cell.text, table: name }, null, cell.start, cell.end);
          continue;
        }
        rowNo++;
        // Laid-out cells stand at their column's index; reading-order (and PDF) cells in order.
        const cells = row.flow || row.ordered ? row.cells : cellsByColumn(row.cells, columns.length, row.start);
        readRow(cells, row, columns, table, form, rowNo, sink, record, { flow: row.flow, placed: row.placed === true, scale: row.inferred ? 0.8 : 0.9, pdf: row.ordered === true, adPlaced: row.adPlaced === true });
      }
      continue;
    }
    // The first line is the table's title (or its headings when the title is lost).
    for (let n = range.from + 1; n < range.to; n++) {
      const line = lines[n] as Line;
      if (line.blank || HEADER_LINE.test(line.joined) || PAGE_NOTE.test(line.joined)) continue;
      const filled = line.cells.filter((c) => c.text !== '');
      // A head line of its own ("Amount | (A) or (D) | Price" on Forms 3 and 5) is not a row.
      if (isHeadLine(line.joined) && !filled.some((c) => /^[DI]$/.test(c.text))) continue;
      if (filled.length < 2) {
        const cell = filled[0];
        if (cell) sink.report('TEXT_LINE_UNREAD', { value: cell.text, table: name }, null, cell.start, cell.end);
        continue;
      }
      rowNo++;
      readRow(line.cells, line, columns, table, form, rowNo, sink, record, { flow: false, scale: 1, pdf: false });
    }
  }
  checkBalances(record.nonDerivativeTransactions, 'nonDerivativeTransactions', 'Table I', sink);
  checkBalances(record.derivativeTransactions, 'derivativeTransactions', 'Table II', sink);
}

/** A column's value as read: its token (value and marks), how sure its place is, and whether pieces were joined. */
type Cellv = Omit<Token, 'cellIndex'> & { confidence: number; joined: boolean };

interface RowOptions {
  /** Cells in reading order, without positions. */
  flow: boolean;
  /** Cells the row's own layout placed in their columns (lynx's gaps): kept there. */
  placed?: boolean;
  /** Confidence of a value in its column's place: 1 for tab-separated cells, less when placed by layout. */
  scale: number;
  /** A PDF's row (pdftotext): its Table II holdings print dates too (exercisable, expiration). */
  pdf: boolean;
  /** Its amount's (A) or (D) was told by where the table's amounts stand: the code does not move it. */
  adPlaced?: boolean;
}

/** The fields only a transaction fills: a row with a value in one is a transaction. */
const TRANSACTION_FIELDS = ['transactionDate', 'transactionCode', 'shares', 'sharesA', 'sharesD', 'acquiredDisposedCode'];

/** The columns a PDF's lone mark most likely stands for (alignRow's markColumn): the exercise dates, most often given so. */
const isExerciseDate = (col: Column): boolean => col.field === 'exerciseDate' || col.field === 'expirationDate';

/** A transaction code as printed, maybe with its marks ("M", "S/K", "J(5)"); a D or I is the D/I column's too. */
const CODE_CELL = /^[A-Z](?:\/[A-Z]|[345])?(?:\s*\(\d{1,2}\))*$/;
/** A cell starting with a lone D or I: the D/I column's, or code D. */
const DI_START = /^[DI]\b/;
/** An amount given as a value: "$ 1,130,775". */
const DOLLAR_START = /^\s*\$/;
/** A code and, after it, Form 5's form type the transaction was reportable on: "P4". */
const FORM5_CODE = /^([A-Z])([345])$/;
const ONE_LETTER = /^([A-Z])$/;
/** A code, maybe with a second (an equity swap): "S/K". */
const SWAP_CODE = /^([A-Z])(?:\/([A-Z]))?$/;
/** The V column's mark. */
const V_MARK = /^v$/i;
/** isDateOrCode's date or lone code letter (or "S/K"), and the D/I and A/D columns' own letters. */
const DATE_OR_CODE = /\d{1,2}\/\d{1,2}\/\d{4}|^[A-Z](?:\/[A-Z])?$/;
const DIA = /^[DIA]$/;

function readRow(
  cells: Cell[],
  span: { start: number; end: number },
  allColumns: Column[],
  table: 1 | 2,
  form: Form,
  rowNo: number,
  sink: TextSink,
  record: OwnershipRecord,
  options: RowOptions,
): void {
  const name = table === 1 ? 'Table I' : 'Table II';
  // In reading order a row without a date or code is a holding: only the holding columns can take its values.
  // A PDF's Table II holding prints its exercise dates: there only a code makes a transaction (a
  // D or I is the D/I column's, unless another follows it: then it is code D).
  const transaction = options.pdf && table === 2
    ? cells.some((c) => CODE_CELL.test(c.text) && !DI_START.test(c.text)) || cells.filter((c) => DI_START.test(c.text) && CODE_CELL.test(c.text)).length > 1
    : cells.some((c) => isDateOrCode(c.text));
  // So is a PDF's Table I row without them: its positions are rough, its values' types are not.
  const columns = (options.flow || (options.pdf && table === 1)) && form !== '3' && !transaction ? holdingColumns(allColumns) : allColumns;
  const laidOut = alignCells(cells, columns, allColumns);
  const alignment = alignRow(laidOut, columns, options.pdf ? { flow: options.flow, markColumn: isExerciseDate, dollarPrices: true } : { flow: options.flow, placed: options.placed === true });
  let filled = 0;
  for (const c of cells) if (c.text !== '') filled++;
  if (!alignment.clean && !options.flow) {
    sink.report('TEXT_ROW_ALIGNED_BY_TYPE', { row: rowNo, table: name, cells: filled, columns: columns.length }, null, span.start, span.end);
  }
  for (const p of alignment.placed.values()) p.confidence = Math.min(p.confidence, p.confidence * options.scale);
  const values = new Map<string, Cellv>();
  columns.forEach((col, k) => {
    const p: Placed | undefined = alignment.placed.get(k);
    if (!p) return;
    const first = p.tokens[0];
    const last = p.tokens[p.tokens.length - 1];
    if (!first || !last) return;
    values.set(col.field, {
      // One token (most values): its text as it is and a copy of its marks, as the join and flatMap give.
      text: p.tokens.length === 1 ? first.text : p.tokens.map((t) => t.text).join(''),
      marks: p.tokens.length === 1 ? first.marks.slice() : p.tokens.flatMap((t) => t.marks),
      start: first.start,
      end: last.end,
      marksStart: last.marksStart,
      marksEnd: last.marksEnd,
      confidence: p.confidence,
      joined: p.tokens.length > 1,
    });
  });

  const hasTransaction = TRANSACTION_FIELDS.some((f) => (values.get(f)?.text ?? '') !== '');
  const kind: 'transaction' | 'holding' = form !== '3' && hasTransaction ? 'transaction' : 'holding';
  const list =
    table === 1
      ? kind === 'transaction' ? 'nonDerivativeTransactions' : 'nonDerivativeHoldings'
      : kind === 'transaction' ? 'derivativeTransactions' : 'derivativeHoldings';
  const index = record[list].length;
  const base = `${list}.${index}`;
  const footnotes: FootnoteMap = {};

  for (const t of alignment.unplaced) {
    const value = t.text + t.marks.map((m) => `(${m})`).join('');
    sink.report('TEXT_CELL_UNPLACED', { value, row: rowNo, table: name }, base, t.start, t.end);
  }

  const mark = (key: string, v: Cellv | undefined) => {
    if (!v || v.marks.length === 0) return;
    footnotes[key] = v.marks.map((m) => 'F' + Number(m));
    if (v.marksStart !== -1) sink.set(`${base}.footnotes.${key}`, v.marksStart, v.marksEnd, v.confidence);
  };
  const text = (field: string, key = field): string | null => {
    const v = values.get(field);
    mark(key, v);
    if (!v || v.text === '') return null;
    const value = tidy(v.text);
    sink.set(`${base}.${key}`, v.start, v.end, v.confidence);
    return value;
  };
  const number = (field: string, key = field): number | null => {
    const v = values.get(field);
    mark(key, v);
    if (!v || v.text === '') return null;
    if (DATE_WORD.test(v.text)) {
      sink.report('TEXT_VALUE_WORD', { field: `${base}.${key}`, value: v.text, kind: 'number' }, `${base}.${key}`, v.start, v.end);
      return null;
    }
    const r = toNumber(v.text);
    if (r.problem === 'invalid') {
      sink.report('FORM4_NUMBER_INVALID', { value: v.text, field: `${base}.${key}` }, `${base}.${key}`, v.start, v.end);
      return null;
    }
    if (v.joined) {
      sink.report(
        'TEXT_NUMBER_SPLIT_JOINED',
        { first: sink.clean.text.slice(v.start, v.start + firstPartLength(sink.clean.text, v.start)), second: lastPart(sink.clean.text, v.end), field: `${base}.${key}`, value: String(r.value) },
        `${base}.${key}`,
        v.start,
        v.end,
      );
    }
    if (r.value !== null) sink.set(`${base}.${key}`, v.start, v.end, v.confidence);
    return r.value;
  };
  // The stylesheet prints a value-based amount (transactionTotalValue, valueOwnedFollowingTransaction,
  // underlyingSecurityValue) in the shares column with a dollar sign: "$ 1,130,775". Only read so
  // when the amount stands in its own column's cell: elsewhere a "$" there is a price misplaced.
  const ownCell = (field: string): boolean => {
    const k = columns.findIndex((c) => c.field === field);
    const p = alignment.placed.get(k);
    return p !== undefined && p.tokens.length === 1 && p.tokens[0]?.cellIndex === k;
  };
  // In a PDF's row, placed by order and type, a "$" amount stands where the price columns could not take it.
  const isValue = (field: string): boolean => DOLLAR_START.test(values.get(field)?.text ?? '') && (options.pdf || (!options.flow && ownCell(field)));
  const amount = (field: string, sharesKey: string, valueKey: string): [number | null, number | null] =>
    isValue(field) ? [null, number(field, valueKey)] : [number(field, sharesKey), null];
  const date = (field: string): string | null => {
    const v = values.get(field);
    mark(field, v);
    if (!v || v.text === '') return null;
    if (DATE_WORD.test(v.text)) {
      sink.report('TEXT_VALUE_WORD', { field: `${base}.${field}`, value: v.text, kind: 'date' }, `${base}.${field}`, v.start, v.end);
      return null;
    }
    const r = toUsDate(v.text);
    if (r.problem === 'invalid') sink.report('FORM4_DATE_INVALID', { value: v.text, field: `${base}.${field}` }, `${base}.${field}`, v.start, v.end);
    else if (r.problem === 'impossible') sink.report('FORM4_DATE_IMPOSSIBLE', { value: r.value ?? v.text, field: `${base}.${field}` }, `${base}.${field}`, v.start, v.end);
    if (r.value !== null) sink.set(`${base}.${field}`, v.start, v.end, v.confidence);
    return r.value;
  };

  const securityTitle = text('securityTitle');
  const ownership = () => {
    const [sharesOwnedFollowingTransaction, valueOwnedFollowingTransaction] = amount('sharesOwnedFollowingTransaction', 'sharesOwnedFollowingTransaction', 'valueOwnedFollowingTransaction');
    // A PDF's marks stand only roughly after their value: marks alone past a direct holding's D
    // ("D   (2)") are the D's, as only an indirect holding has a nature of ownership.
    const di = values.get('directOrIndirectOwnership');
    const nature = values.get('natureOfOwnership');
    if (options.pdf && di?.text === 'D' && nature && nature.text === '' && nature.marks.length > 0) {
      values.set('directOrIndirectOwnership', {
        ...di,
        marks: [...di.marks, ...nature.marks],
        marksStart: di.marksStart === -1 ? nature.marksStart : di.marksStart,
        marksEnd: nature.marksEnd,
        confidence: Math.min(di.confidence, nature.confidence, 0.8),
      });
      values.delete('natureOfOwnership');
    }
    return {
      sharesOwnedFollowingTransaction,
      valueOwnedFollowingTransaction,
      directOrIndirectOwnership: text('directOrIndirectOwnership'),
      natureOfOwnership: text('natureOfOwnership'),
      footnotes,
    };
  };
  const underlying = () => {
    const underlyingSecurityTitle = text('underlyingSecurityTitle');
    const [underlyingSecurityShares, underlyingSecurityValue] = amount('underlyingSecurityShares', 'underlyingSecurityShares', 'underlyingSecurityValue');
    return { underlyingSecurityTitle, underlyingSecurityShares, underlyingSecurityValue };
  };
  const coding = () => {
    let form5Type: string | null = null;
    const code = values.get('transactionCode');
    mark('transactionCode', code);
    let transactionCode: string | null = null;
    let equitySwapInvolved: boolean | null = null;
    if (code && code.text !== '') {
      // The form prints an equity swap as a second code: "S/K".
      // Form 5 prints the form type the transaction was reportable on after the code: "P4".
      const f5 = form === '5' ? FORM5_CODE.exec(code.text) : null;
      const m = f5 ? ONE_LETTER.exec(f5[1] as string) : SWAP_CODE.exec(code.text);
      if (f5) {
        form5Type = f5[2] as string;
        // The form type is the code's last character.
        sink.set(`${base}.transactionFormType`, code.end - 1, code.end, code.confidence);
      }
      transactionCode = m ? (m[1] as string) : code.text;
      equitySwapInvolved = m?.[2] === 'K';
      if (m && m[2] && m[2] !== 'K') transactionCode = code.text;
      sink.set(`${base}.transactionCode`, code.start, code.end, code.confidence);
      sink.set(`${base}.equitySwapInvolved`, code.start, code.end, code.confidence * 0.9);
    }
    const v = values.get('transactionFormType');
    mark('transactionFormType', v);
    let transactionFormType: string | null = form5Type;
    if (v && V_MARK.test(v.text)) {
      // "V": voluntarily reported, a transaction reportable on Form 5 reported on this Form 4.
      // The SEC's stylesheet prints V exactly when the XML's transactionFormType is 5
      // (checked over every Form 4 of the corpus), so that is what V reads back to.
      transactionFormType = '5';
      sink.set(`${base}.transactionFormType`, v.start, v.end, v.confidence);
    }
    // The printed form has no place for transactionTimeliness (E/L).
    return { transactionCode, equitySwapInvolved, transactionFormType, transactionTimeliness: null };
  };

  if (table === 1 && kind === 'transaction') {
    const transactionDate = date('transactionDate');
    const deemedExecutionDate = date('deemedExecutionDate');
    const { transactionCode, equitySwapInvolved, transactionFormType, transactionTimeliness } = coding();
    const [shares, totalValue] = amount('shares', 'shares', 'totalValue');
    const pricePerShare = number('pricePerShare');
    const acquiredDisposedCode = text('acquiredDisposedCode');
    const row: NonDerivativeTransaction = {
      securityTitle,
      transactionDate,
      deemedExecutionDate,
      transactionFormType,
      transactionCode,
      equitySwapInvolved,
      transactionTimeliness,
      shares,
      totalValue,
      pricePerShare,
      acquiredDisposedCode,
      ...ownership(),
    };
    record.nonDerivativeTransactions.push(row);
  } else if (table === 1) {
    const row: NonDerivativeHolding = { securityTitle, transactionFormType: null, ...ownership() };
    record.nonDerivativeHoldings.push(row);
  } else {
    const conversionOrExercisePrice = number('conversionOrExercisePrice');
    if (kind === 'transaction') {
      const transactionDate = date('transactionDate');
      const deemedExecutionDate = date('deemedExecutionDate');
      const { transactionCode, equitySwapInvolved, transactionFormType, transactionTimeliness } = coding();
      let a = values.get('sharesA');
      let d = values.get('sharesD');
      // A damaged row's lone amount may sit in (A) or (D): the code decides, and says so.
      const expected = transactionCode === null ? undefined : EXPECTED[2][transactionCode];
      const lone = (a?.text ?? '') !== '' && (d?.text ?? '') === '' ? a : (d?.text ?? '') !== '' && (a?.text ?? '') === '' ? d : undefined;
      if (!alignment.clean && options.adPlaced !== true && lone && lone.confidence < 0.9 && expected && expected !== (lone === a ? 'A' : 'D')) {
        sink.report(
          'TEXT_CELL_AMBIGUOUS',
          { value: lone.text, row: rowNo, table: name, first: '5. (A)', second: '5. (D)', chosen: `(${expected}), as code ${transactionCode} has it` },
          `${base}.shares`,
          lone.start,
          lone.end,
        );
        if (expected === 'A') [a, d] = [lone, undefined];
        else [a, d] = [undefined, lone];
        values.delete('sharesA');
        values.delete('sharesD');
        values.set(expected === 'A' ? 'sharesA' : 'sharesD', lone);
      }
      const hasA = a !== undefined && a.text !== '';
      const hasD = d !== undefined && d.text !== '';
      let shares: number | null = null;
      let totalValue: number | null = null;
      let acquiredDisposedCode: string | null = null;
      if (a && d && hasA && hasD) {
        mark('shares', a);
        sink.report('TEXT_AMOUNT_BOTH_COLUMNS', { row: rowNo, acquired: a.text, disposed: d.text }, `${base}.shares`, a.start, d.end);
      } else if (hasA || hasD) {
        [shares, totalValue] = amount(hasA ? 'sharesA' : 'sharesD', 'shares', 'totalValue');
        const v = (hasA ? a : d) as Cellv;
        acquiredDisposedCode = hasA ? 'A' : 'D';
        // The column the amount stands in is the printed (A) or (D).
        sink.set(`${base}.acquiredDisposedCode`, v.start, v.end, v.confidence);
        // Marks alone in the other column are no amount's: reported, not lost.
        const other = hasA ? d : a;
        if (other && other.marks.length > 0) sink.report('TEXT_CELL_UNPLACED', { value: other.marks.map((m) => `(${m})`).join(''), row: rowNo, table: name }, base, other.start, other.end);
      } else {
        mark('shares', a ?? d);
      }
      const pricePerShare = number('pricePerShare');
      const row: DerivativeTransaction = {
        securityTitle,
        conversionOrExercisePrice,
        transactionDate,
        deemedExecutionDate,
        transactionFormType,
        transactionCode,
        equitySwapInvolved,
        transactionTimeliness,
        shares,
        totalValue,
        pricePerShare,
        acquiredDisposedCode,
        exerciseDate: date('exerciseDate'),
        expirationDate: date('expirationDate'),
        ...underlying(),
        ...ownership(),
      };
      checkPriceIsTotal(row, rowNo, base, values.get('pricePerShare'), sink);
      record.derivativeTransactions.push(row);
    } else {
      const row: DerivativeHolding = {
        securityTitle,
        conversionOrExercisePrice,
        transactionFormType: null,
        exerciseDate: date('exerciseDate'),
        expirationDate: date('expirationDate'),
        ...underlying(),
        ...ownership(),
      };
      record.derivativeHoldings.push(row);
    }
  }
}

const HOLDING_SKIPS = new Set(['transactionDate', 'deemedExecutionDate', 'transactionCode', 'transactionFormType', 'shares', 'sharesA', 'sharesD', 'acquiredDisposedCode', 'pricePerShare']);
/** Each table's holding columns, kept: the same array for every row (alignRow works out what it needs of a set of columns once per array). */
const holdings = new WeakMap<Column[], Column[]>();

/** Table I's or II's columns a holding fills (no transaction columns). */
function holdingColumns(columns: Column[]): Column[] {
  let kept = holdings.get(columns);
  if (!kept) holdings.set(columns, (kept = columns.filter((c) => !HOLDING_SKIPS.has(c.field))));
  return kept;
}

/**
 * A date, or a lone code letter (or "S/K") other than D, I, A (the D/I and A/D columns' own): what only a
 * transaction prints. Both hold a '/' or are one letter: other cells (most) need no regex.
 */
function isDateOrCode(t: string): boolean {
  return (t.length === 1 || t.includes('/')) && DATE_OR_CODE.test(t) && !DIA.test(t);
}

/** For each column k, the first cell standing at index k, else an empty cell at the row's start (one pass over the cells). */
function cellsByColumn(rowCells: readonly Cell[], count: number, start: number): Cell[] {
  const cells = new Array<Cell | undefined>(count).fill(undefined);
  for (const c of rowCells) if (c.index >= 0 && c.index < count && cells[c.index] === undefined) cells[c.index] = c;
  for (let k = 0; k < count; k++) cells[k] ??= { text: '', start, end: start, index: k, line: -1 };
  return cells as Cell[];
}

/**
 * Cells of a laid-out row carry their column's index in `columns`; when only a subset of the
 * columns is used (a holding read in order) indices are unchanged (-1 in reading order), and
 * tab-separated cells keep their own.
 */
function alignCells(cells: Cell[], columns: Column[], all: Column[]): Cell[] {
  if (columns === all) return cells;
  return cells.map((c) => (c.index < 0 ? c : { ...c, index: columns.indexOf(all[c.index] as Column) }));
}

/** Cell text as printed, with a word broken at a line end rejoined ("Non- qualified" → "Non-qualified"). */
function tidy(s: string): string {
  if (isTidy(s)) return s;
  return s.replace(/(\w)- (?=[a-z])/g, '$1-').replace(/\s+/g, ' ').trim();
}

/**
 * What tidy leaves as it is: no '- ' (the rejoin's mark), no white space but single spaces between
 * other characters (what the collapse and the trim change).
 */
function isTidy(s: string): boolean {
  const last = s.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || s.charCodeAt(i + 1) === 32 || s.charCodeAt(i - 1) === 45) return false;
    } else if (isWhiteSpace(c)) return false;
  }
  return true;
}

function firstPartLength(text: string, start: number): number {
  let k = start;
  while (k < text.length && !/\s/.test(text[k] as string)) k++;
  return k - start;
}

function lastPart(text: string, end: number): string {
  let k = end;
  while (k > 0 && !/\s/.test(text[k - 1] as string)) k--;
  return text.slice(k, end);
}

function checkPriceIsTotal(row: DerivativeTransaction, rowNo: number, base: string, cell: Cellv | undefined, sink: TextSink): void {
  const { pricePerShare: price, shares, conversionOrExercisePrice: exercise } = row;
  if (price === null || shares === null || exercise === null || price === 0 || exercise === 0 || shares <= 1) return;
  if (Math.abs(price - shares * exercise) > 0.005 * price) return;
  sink.report(
    'TEXT_PRICE_LOOKS_TOTAL',
    { row: rowNo, price: cell?.text ?? String(price), shares, exercise },
    `${base}.pricePerShare`,
    cell?.start,
    cell?.end,
  );
}

type Balanced = {
  securityTitle: string | null;
  shares: number | null;
  acquiredDisposedCode: string | null;
  sharesOwnedFollowingTransaction: number | null;
  directOrIndirectOwnership: string | null;
  natureOfOwnership: string | null;
};

/** Consecutive rows of one security and ownership: owned following = previous ± amount. */
function checkBalances(rows: Balanced[], list: string, table: string, sink: TextSink): void {
  for (let k = 1; k < rows.length; k++) {
    const prev = rows[k - 1] as Balanced;
    const row = rows[k] as Balanced;
    if (
      prev.securityTitle !== row.securityTitle ||
      prev.directOrIndirectOwnership !== row.directOrIndirectOwnership ||
      prev.natureOfOwnership !== row.natureOfOwnership
    ) continue;
    const before = prev.sharesOwnedFollowingTransaction;
    const after = row.sharesOwnedFollowingTransaction;
    if (before === null || after === null || row.shares === null) continue;
    if (row.acquiredDisposedCode !== 'A' && row.acquiredDisposedCode !== 'D') continue;
    const sign = row.acquiredDisposedCode === 'A' ? 1 : -1;
    const expected = Math.round((before + sign * row.shares) * 1e6) / 1e6;
    if (expected === after) continue;
    const path = `${list}.${k}.sharesOwnedFollowingTransaction`;
    sink.reportSpan(
      'TEXT_BALANCE_MISMATCH',
      { row: k + 1, table, previous: before, sign: sign > 0 ? 'plus' : 'minus', amount: row.shares, expected, following: after },
      path,
      sink.provenance[path]?.span ?? null,
    );
  }
}
