// The printed form, drawn by the same renderer as `form4 render --to html`
// (src/write/render-html.ts), inside a shadow root so that its stylesheet and ours stay
// apart. Each printed value is then tagged with the record paths it shows
// (`data-paths="nonDerivativeTransactions.0.shares"`), so that hovering it can light up
// the text it was read from. The tagging follows the column order of
// src/write/form-layout.ts; a cell it cannot place is simply left untagged.
import type { OwnershipRecord } from '../record/schema.ts';
import { renderHtml } from '../write/render-html.ts';
import { h } from './dom.ts';

type Row = Record<string, unknown> & { footnotes?: Record<string, string[]> };

const EXTRA_STYLE = `
.sec-form { background: #dcdcdc; font-family: "Times New Roman", Times, serif; font-size: 8.5pt; padding: 1em; color: #000; min-width: 640px; }
.sec-form a { color: #00e; }
[data-paths] { cursor: help; }
.hl { background: #ffd54f !important; outline: 2px solid #c79100; }
`;

function formOf(record: OwnershipRecord): '3' | '4' | '5' {
  const type = record.documentType ?? '4';
  return type.startsWith('3') ? '3' : type.startsWith('5') ? '5' : '4';
}

const amountField = (row: Row) => (row['shares'] !== null || row['totalValue'] === null ? 'shares' : 'totalValue');
const ownedField = (row: Row) =>
  row['sharesOwnedFollowingTransaction'] !== null || row['valueOwnedFollowingTransaction'] === null ? 'sharesOwnedFollowingTransaction' : 'valueOwnedFollowingTransaction';
const underlyingField = (row: Row) =>
  row['underlyingSecurityShares'] !== null || row['underlyingSecurityValue'] === null ? 'underlyingSecurityShares' : 'underlyingSecurityValue';

/** For each printed column of Table I or II, the record fields a row shows there. */
export function columnFields(table: 1 | 2, form: '3' | '4' | '5', row: Row, transaction: boolean): (string[] | null)[] {
  const v = form === '4' ? [transaction ? ['transactionTimeliness', 'transactionFormType'] : null] : [];
  const code = transaction ? ['transactionCode', 'equitySwapInvolved'] : ['transactionFormType'];
  const owned = [ownedField(row)];
  const tail = [owned, ['directOrIndirectOwnership'], ['natureOfOwnership']];
  if (table === 1) {
    if (form === '3') return [['securityTitle'], ...tail];
    if (!transaction) return [['securityTitle'], null, null, code, ...v, null, null, null, ...tail];
    return [['securityTitle'], ['transactionDate'], ['deemedExecutionDate'], code, ...v, [amountField(row)], ['acquiredDisposedCode'], ['pricePerShare'], ...tail];
  }
  const dates = [['exerciseDate'], ['expirationDate']];
  const underlying = [['underlyingSecurityTitle'], [underlyingField(row)]];
  if (form === '3') return [['securityTitle'], ...dates, ...underlying, ['conversionOrExercisePrice'], ['directOrIndirectOwnership'], ['natureOfOwnership']];
  if (!transaction) return [['securityTitle'], ['conversionOrExercisePrice'], null, null, code, ...v, null, null, ...dates, ...underlying, null, ...tail];
  const amount = [amountField(row), 'acquiredDisposedCode'];
  const acquired = row['acquiredDisposedCode'] === 'A';
  return [
    ['securityTitle'],
    ['conversionOrExercisePrice'],
    ['transactionDate'],
    ['deemedExecutionDate'],
    code,
    ...v,
    acquired ? amount : null,
    acquired ? null : amount,
    ...dates,
    ...underlying,
    ['pricePerShare'],
    ...tail,
  ];
}

function tag(el: Element, paths: string[]): void {
  if (paths.length) el.setAttribute('data-paths', paths.join(' '));
}

/** Wraps a text node in a tagged span. */
function wrapText(node: Node, paths: string[]): void {
  if (!node.textContent?.trim()) return;
  const span = document.createElement('span');
  tag(span, paths);
  node.parentNode?.replaceChild(span, node);
  span.appendChild(node);
}

function tagTables(root: ParentNode, record: OwnershipRecord): void {
  const form = formOf(record);
  const lists: { table: 1 | 2; rows: { prefix: string; row: Row; transaction: boolean }[] }[] = [
    {
      table: 1,
      rows: [
        ...record.nonDerivativeTransactions.map((row, i) => ({ prefix: `nonDerivativeTransactions.${i}`, row: row as Row, transaction: true })),
        ...record.nonDerivativeHoldings.map((row, i) => ({ prefix: `nonDerivativeHoldings.${i}`, row: row as Row, transaction: false })),
      ],
    },
    {
      table: 2,
      rows: [
        ...record.derivativeTransactions.map((row, i) => ({ prefix: `derivativeTransactions.${i}`, row: row as Row, transaction: true })),
        ...record.derivativeHoldings.map((row, i) => ({ prefix: `derivativeHoldings.${i}`, row: row as Row, transaction: false })),
      ],
    },
  ];
  const titles = [...root.querySelectorAll('.table-title')];
  lists.forEach((list, t) => {
    const table = titles[t]?.nextElementSibling;
    if (!(table instanceof HTMLTableElement)) return;
    const bodyRows = [...table.rows].filter((r) => r.querySelector('th') === null);
    bodyRows.forEach((tr, i) => {
      const entry = list.rows[i];
      if (!entry) return;
      tr.classList.add('record-row');
      const fields = columnFields(list.table, form, entry.row, entry.transaction);
      [...tr.cells].forEach((td, c) => {
        const names = fields[c];
        if (!names) return;
        tag(td, names.flatMap((f) => [`${entry.prefix}.${f}`, `${entry.prefix}.footnotes.${f}`]));
      });
    });
  });
}

const BOX_PATHS: [RegExp, string[]][] = [
  [/Issuer Name and Ticker/, ['issuer.name', 'issuer.tradingSymbol']],
  [/Foreign Trading Symbol/, ['issuer.foreignTradingSymbol']],
  [/Date of Earliest Transaction|Fiscal Year Ended|Date of Event Requiring/, ['periodOfReport']],
  [/If Amendment/, ['dateOfOriginalSubmission']],
];

function tagBoxes(root: ParentNode, record: OwnershipRecord): void {
  for (const label of root.querySelectorAll('span.label')) {
    const text = label.textContent ?? '';
    const box = BOX_PATHS.find(([re]) => re.test(text));
    if (box) {
      const next = label.nextSibling;
      if (next && next.nodeType === Node.TEXT_NODE) wrapText(next, box[1]);
      continue;
    }
    if (/Name and Address of Reporting Person/.test(text)) {
      // name <br> address line <br> ... <hr> next owner
      const nodes: Node[] = [];
      for (let node = label.nextSibling; node; node = node.nextSibling) nodes.push(node);
      let owner = 0;
      let line = -1;
      for (const node of nodes) {
        if (node.nodeName === 'HR') {
          owner++;
          line = -1;
          continue;
        }
        if (node.nodeType !== Node.TEXT_NODE) continue;
        const o = record.reportingOwners[owner];
        if (!o) break;
        const p = `reportingOwners.${owner}`;
        if (line === -1) {
          wrapText(node, [`${p}.name`, `${p}.cik`]);
        } else {
          const a = o.address;
          const streets = a ? (['street1', 'street2'] as const).filter((k) => a[k] !== null) : [];
          const street = streets[line];
          const rest = ['city', 'state', 'zipCode', 'stateDescription', 'country', 'nonUSStateTerritory'];
          wrapText(node, street ? [`${p}.address.${street}`] : rest.map((k) => `${p}.address.${k}`));
        }
        line++;
      }
      continue;
    }
    if (/Relationship of Reporting Person/.test(text)) {
      const p = 'reportingOwners.0.relationship';
      const words: [RegExp, string][] = [
        [/^\s*Director/, 'isDirector'],
        [/^\s*10% Owner/, 'isTenPercentOwner'],
        [/^\s*Officer/, 'isOfficer'],
        [/^\s*Other/, 'isOther'],
      ];
      const cell = label.parentElement;
      if (!cell) continue;
      const texts: Node[] = [];
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n);
      for (const n of texts) {
        const word = words.find(([re]) => re.test(n.textContent ?? ''));
        if (word && n.parentElement === cell) wrapText(n, [`${p}.${word[1]}`]);
      }
      const title = [...cell.querySelectorAll('div')].find((d) => d.getAttribute('style')?.includes('border-bottom'));
      if (title) tag(title, [`${p}.officerTitle`, `${p}.otherText`]);
    }
  }
}

function tagRest(root: ParentNode, record: OwnershipRecord): void {
  const name = root.querySelector('.form-name');
  if (name) tag(name, ['documentType']);
  const headings = [...root.querySelectorAll('h2')];
  const signatures = headings.find((e) => /^Signatures/.test(e.textContent ?? ''))?.nextElementSibling;
  if (signatures instanceof HTMLTableElement) {
    record.signatures.forEach((_, i) => {
      const row = signatures.rows[i];
      if (!row) return;
      if (row.cells[0]) tag(row.cells[0], [`signatures.${i}.name`]);
      if (row.cells[2]) tag(row.cells[2], [`signatures.${i}.date`]);
    });
  }
  const notes = [...root.querySelectorAll('table.fn td[id^="F"]')];
  notes.forEach((td, i) => {
    if (i >= record.footnotes.length) return;
    tag(td, [`footnotes.${i}.id`]);
    const text = td.nextElementSibling;
    if (text) tag(text, [`footnotes.${i}.text`]);
  });
  const remarks = headings.find((e) => /^Remarks/.test(e.textContent ?? ''))?.nextElementSibling;
  if (remarks) tag(remarks, ['remarks']);
}

export interface FormView {
  element: HTMLElement;
  /** The shadow root holding the form: where `[data-paths]` elements live. */
  root: ShadowRoot;
}

export function formView(record: OwnershipRecord): FormView {
  const host = h('div', { class: 'form-host', 'data-testid': 'sec-form' });
  const root = host.attachShadow({ mode: 'open' });
  const doc = new DOMParser().parseFromString(renderHtml(record), 'text/html');
  const style = document.createElement('style');
  // The renderer styles `body`; inside the shadow root the wrapper plays that part.
  style.textContent = [...doc.querySelectorAll('style')].map((s) => (s.textContent ?? '').replace(/\bbody\s*\{/g, '.sec-form-body {')).join('\n') + EXTRA_STYLE;
  const wrapper = document.createElement('div');
  wrapper.className = 'sec-form sec-form-body';
  for (const node of [...doc.body.childNodes]) wrapper.appendChild(document.importNode(node, true));
  root.append(style, wrapper);
  tagTables(root, record);
  tagBoxes(root, record);
  tagRest(root, record);
  // Footnote marks link to `#F1`: the page's router owns the hash, so scroll instead.
  root.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a[href^="#"]');
    if (!link) return;
    event.preventDefault();
    const id = link.getAttribute('href')?.slice(1) ?? '';
    root.getElementById(id)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  });
  return { element: host, root };
}
