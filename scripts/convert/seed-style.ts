// A converter of EDGAR's rendered page to text in the manner of the seed renderings
// (../shared/seeds/000–003): each table row whose cells hold no table becomes one line of
// tab-separated cells (a cell spanning n columns is followed by n-1 empty ones); a row holding
// tables is read cell by cell as blocks. Inline tags a person sees the effect of are kept as
// tags: <u>, <a>, <input type="checkbox"> (checked or not), <hr/>, <br/>; footnote marks print
// as the page prints them, "(1)" after the value; headings become **bold** lines.
//
//   node scripts/convert/seed-style.ts page.html > page.txt
import { readFileSync } from 'node:fs';
import { parseDocument } from 'htmlparser2';

interface Node {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
}

const BLOCK = new Set(['p', 'div', 'center', 'h1', 'h2', 'h3', 'h4', 'dd', 'dl', 'dt', 'ul', 'ol', 'li', 'body', 'html']);
const KEPT = new Set(['u', 'a']);
const SKIP = new Set(['head', 'style', 'script', 'title']);

export function toSeedStyle(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true }) as unknown as Node;
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const t = current.replace(/[ \t]+$/g, '');
    if (t.trim() !== '') lines.push(t.replace(/^ +/, ''));
    else if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
    current = '';
  };

  /** Inline content of a node, on one line. */
  const inline = (node: Node): string => {
    if (node.type === 'text') return (node.data ?? '').replace(/\s+/g, ' ');
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return '';
    const name = node.name ?? '';
    if (SKIP.has(name)) return '';
    if (name === 'br') return ' <br/> ';
    if (name === 'hr') return ' <hr/> ';
    if (name === 'input') {
      if ((node.attribs?.['type'] ?? '').toLowerCase() !== 'checkbox') return '';
      return 'checked' in (node.attribs ?? {}) ? '<input checked="" type="checkbox"/> ' : '<input type="checkbox"/> ';
    }
    const inner = (node.children ?? []).map(inline).join('');
    if (KEPT.has(name) && inner.trim() !== '') {
      const href = node.attribs?.['href'];
      return name === 'a' ? (href !== undefined ? `<a href="${href}">${inner.trim()}</a>` : inner) : `<u>${inner.trim()}</u>`;
    }
    if (name === 'sup') return inner.trim();
    if (name === 'td' || name === 'th' || BLOCK.has(name) || name === 'table' || name === 'tr') return ' ' + inner + ' ';
    return inner;
  };

  const hasTable = (node: Node): boolean => (node.children ?? []).some((c) => c.type === 'tag' && (c.name === 'table' || hasTable(c)));
  const cellsOf = (tr: Node): Node[] => (tr.children ?? []).filter((c) => c.type === 'tag' && (c.name === 'td' || c.name === 'th'));
  const rowsOf = (table: Node): Node[] => {
    const out: Node[] = [];
    for (const c of table.children ?? []) {
      if (c.type !== 'tag') continue;
      if (c.name === 'tr') out.push(c);
      else if (c.name === 'tbody' || c.name === 'thead' || c.name === 'tfoot') out.push(...rowsOf(c));
      else if (c.name === 'td') out.push({ type: 'tag', name: 'tr', children: [c] });
    }
    // Cells written straight in a <table> (the page's OMB box does that): one row.
    const loose = (table.children ?? []).filter((c) => c.type === 'tag' && c.name === 'td');
    return loose.length > 0 ? [{ type: 'tag', name: 'tr', children: loose }, ...out.filter((r) => !loose.includes((r.children ?? [])[0] as Node))] : out;
  };

  const block = (node: Node): void => {
    if (node.type === 'text') {
      current += (node.data ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.type === 'root') {
      for (const c of node.children ?? []) block(c);
      return;
    }
    if (node.type !== 'tag') return;
    const name = node.name ?? '';
    if (SKIP.has(name)) return;
    if (name === 'table') {
      flush();
      for (const tr of rowsOf(node)) {
        const cells = cellsOf(tr);
        if (cells.some(hasTable)) {
          for (const cell of cells) {
            block(cell);
            flush();
          }
          continue;
        }
        const parts: string[] = [];
        for (const cell of cells) {
          parts.push(inline(cell).replace(/\s+/g, ' ').trim());
          const span = Number(cell.attribs?.['colspan'] ?? '1');
          for (let k = 1; k < span && k < 20; k++) parts.push('');
        }
        lines.push(parts.join('\t').replace(/ +$/, ''));
      }
      flush();
      return;
    }
    if (/^h\d$/.test(name)) {
      flush();
      lines.push('**' + inline(node).replace(/\s+/g, ' ').trim() + '**');
      lines.push('');
      return;
    }
    if (name === 'br' || name === 'hr' || name === 'input' || KEPT.has(name) || name === 'sup' || !BLOCK.has(name) && name !== 'td' && name !== 'th' && name !== 'tr') {
      if (name === 'br') {
        flush();
        return;
      }
      current += inline(node);
      return;
    }
    flush();
    for (const c of node.children ?? []) block(c);
    flush();
  };

  block(doc);
  flush();
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node scripts/convert/seed-style.ts page.html');
    process.exit(2);
  }
  process.stdout.write(toSeedStyle(readFileSync(file, 'utf8')));
}
