// Read a filing of your own: drop or pick a file (ownership XML, a full .txt submission,
// the SEC's HTML page, a text rendering) or paste its text. POST /api/parse reads it and
// stores nothing; the result is shown with each value's place in the text.
import { apiUrl, decodeText, postBytes, type ParseResult } from '../api.ts';
import { h, mount } from '../dom.ts';
import { fmtCount } from '../format.ts';
import { errorBox, heading, loading, type PageContext } from '../page.ts';
import { readView } from '../read-view.ts';

export async function uploadPage(ctx: PageContext): Promise<void> {
  ctx.setTitle('Read a filing');
  const result = h('div', { class: 'upload-result', 'aria-live': 'polite' });
  const read = async (bytes: Uint8Array, name: string) => {
    mount(result, loading(`Reading ${name}…`));
    try {
      const parsed = await postBytes<ParseResult>(apiUrl('parse', { fileName: name }), bytes, 'application/octet-stream', ctx.signal);
      const r = parsed.record;
      const errors = parsed.issues.filter((i) => i.severity === 'error').length;
      mount(
        result,
        h(
          'section',
          { class: 'card read-summary', 'data-testid': 'read-summary' },
          h('h2', null, parsed.ok ? `Read ${name}` : `Could not read ${name}`),
          h(
            'p',
            null,
            `Found ${parsed.source.format === 'sgml' ? 'a full EDGAR submission' : parsed.source.format === 'xml' ? 'EDGAR ownership XML' : parsed.source.format === 'html' ? 'an HTML page' : 'a text rendering'}`,
            r ? ` of a Form ${r.documentType ?? '?'} for ${r.issuer.name ?? 'an unnamed issuer'}${r.issuer.tradingSymbol ? ` [${r.issuer.tradingSymbol}]` : ''}: ` : '. ',
            r
              ? `${fmtCount(r.nonDerivativeTransactions.length + r.derivativeTransactions.length)} transactions, ${fmtCount(r.nonDerivativeHoldings.length + r.derivativeHoldings.length)} holdings, ${fmtCount(parsed.issues.length)} issues${errors ? ` (${errors} errors)` : ''}.`
              : '',
          ),
        ),
        readView({ record: parsed.record, issues: parsed.issues, provenance: parsed.provenance, text: decodeText(bytes) }),
      );
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      mount(result, errorBox(error, `${name} could not be sent`));
    }
  };
  const readFile = async (file: File) => read(new Uint8Array(await file.arrayBuffer()), file.name);

  const input = h('input', {
    id: 'upload-file',
    type: 'file',
    class: 'visually-hidden-file',
    accept: '.xml,.txt,.htm,.html,.md,.text,text/*,application/xml',
    onchange: () => {
      const file = input.files?.[0];
      if (file) void readFile(file);
    },
  });
  const drop = h(
    'div',
    { class: 'drop-zone', 'data-testid': 'drop-zone' },
    h('p', { class: 'drop-title' }, 'Drop a filing here'),
    h('p', { class: 'muted' }, 'EDGAR XML, a full .txt submission, the SEC’s HTML page, or a text or markdown rendering: the format is found from the content.'),
    h('label', { for: 'upload-file', class: 'button' }, 'Choose a file…'),
    input,
  );
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    const file = event.dataTransfer?.files[0];
    if (file) void readFile(file);
  });
  const paste = h('textarea', { id: 'upload-text', rows: 6, spellcheck: 'false', placeholder: 'or paste the text of a filing here' });
  const pasteForm = h(
    'form',
    {
      class: 'paste-form',
      onsubmit: (event: Event) => {
        event.preventDefault();
        if (paste.value.trim()) void read(new TextEncoder().encode(paste.value), 'pasted text');
      },
    },
    h('label', { for: 'upload-text' }, 'Or paste a filing'),
    paste,
    h('button', { type: 'submit' }, 'Read'),
  );
  mount(
    ctx.view,
    heading('Read a filing', 'Nothing is stored: the filing is read and checked, and you see what was read from where.'),
    h('div', { class: 'upload-inputs' }, drop, pasteForm),
    result,
  );
}
