// The converters the accuracy measure runs over EDGAR's rendered pages: each turns one HTML page
// into the text a person would get from a common tool, with the exact command line it uses.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { LONE_STREET_LINE } from '../../src/read/compare-records.ts';
import { toSeedStyle } from './seed-style.ts';

export interface Converter {
  name: string;
  /** What the converter runs, for the report. */
  command: string;
  /** Slow converters are measured on a fixed sample unless told otherwise. */
  slow: boolean;
  /** Fields this conversion cannot show (the tool drops them), not counted for it. */
  notShown: string[];
  convert(htmlFile: string, outFile: string): Promise<void>;
}

/**
 * pandoc drops `<input type="checkbox">`: the state of the Section 16 and 10b5-1 boxes is lost,
 * and of Form 5's "Form 3 Holdings Reported" and "Form 4 Transactions Reported" boxes. Its plain
 * text also drops box 1's empty first street line: a lone street's line is lost (LONE_STREET_LINE).
 */
const CHECKBOXES = ['notSubjectToSection16', 'aff10b5One', 'form3HoldingsReported', 'form4TransactionsReported'];
/**
 * Chromium draws a checkbox as a picture in the PDF: pdftotext has no text for it, checked or not.
 * In reading order pdftotext also writes no empty line: box 1's empty first street line is lost.
 */
const PDF_NOT_SHOWN = (layout: boolean): string[] => (layout ? CHECKBOXES : [...CHECKBOXES, LONE_STREET_LINE]);

function run(cmd: string, args: string[], outFile?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${cmd} exited ${code}: ${Buffer.concat(err).toString().slice(0, 300)}`));
      else {
        const buf = Buffer.concat(out);
        if (outFile) writeFileSync(outFile, buf);
        resolve(buf);
      }
    });
  });
}

const tool = (name: string, command: string, args: (html: string) => string[], notShown: string[] = []): Converter => ({
  name,
  command,
  slow: false,
  notShown,
  convert: async (html, out) => {
    await run(command.split(' ')[0] as string, args(html), out);
  },
});

/**
 * Chromium's print to PDF as a person prints the form: landscape Letter (the paper form's own
 * orientation), the page scaled to fit the paper's width as the print dialog does. Printed at
 * its screen width, a wide rendering (long footnotes, wide tables) is cut at the paper's right
 * edge and its text is lost before any reader sees it. One browser serves every page.
 */
const PAPER = { format: 'Letter' as const, landscape: true, margin: '0.4in' };
/** The printable width of landscape Letter at 96 CSS pixels an inch. */
const PRINTABLE_PX = (11 - 2 * 0.4) * 96;
let browser: Promise<Browser> | null = null;

async function printToPdf(html: string, pdf: string): Promise<void> {
  browser ??= chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await (await browser).newPage({ viewport: { width: Math.round(PRINTABLE_PX), height: 800 } });
  try {
    await page.goto(pathToFileURL(html).href);
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
    const scale = Math.max(0.1, Math.min(1, PRINTABLE_PX / width));
    const m = PAPER.margin;
    await page.pdf({ path: pdf, format: PAPER.format, landscape: PAPER.landscape, scale, margin: { top: m, right: m, bottom: m, left: m } });
  } finally {
    await page.close();
  }
}

/** Closes what the converters keep open (the browser), so that the process can end. */
export async function closeConverters(): Promise<void> {
  const b = browser;
  browser = null;
  if (b) await (await b).close();
}

const pdftotext = (name: string, layout: boolean): Converter => ({
  name,
  command: `Chromium print to PDF (landscape Letter, fit to width), then pdftotext${layout ? ' -layout' : ''}`,
  slow: true,
  notShown: PDF_NOT_SHOWN(layout),
  convert: async (html, out) => {
    // One PDF serves both pdftotext readings: it is kept beside the cache.
    const pdfCache = out.replace(/\/pdftotext-(layout|raw)\//, '/pdf/').replace(/\.txt$/, '.pdf');
    mkdirSync(join(pdfCache, '..'), { recursive: true });
    if (!existsSync(pdfCache)) {
      const tmp = pdfCache + '.part';
      await printToPdf(html, tmp);
      renameSync(tmp, pdfCache);
    }
    await run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', pdfCache, out]);
  },
});

export const CONVERTERS: Converter[] = [
  {
    name: 'seed-style',
    command: 'scripts/convert/seed-style.ts (tables as tab-separated lines, inline tags kept)',
    slow: false,
    notShown: [],
    convert: async (html, out) => writeFileSync(out, toSeedStyle(readFileSync(html, 'utf8'))),
  },
  tool('pandoc-markdown', 'pandoc -f html -t markdown', (h) => ['-f', 'html', '-t', 'markdown', h], CHECKBOXES),
  tool('pandoc-plain', 'pandoc -f html -t plain', (h) => ['-f', 'html', '-t', 'plain', h], [...CHECKBOXES, LONE_STREET_LINE]),
  tool('html2text', 'html2text -width 200 -utf8', (h) => ['-width', '200', '-utf8', h]),
  tool('lynx', 'lynx -dump -nolist -width=200', (h) => ['-dump', '-nolist', '-width=200', '-display_charset=utf-8', h]),
  tool('w3m', 'w3m -dump -cols 200', (h) => ['-dump', '-cols', '200', '-O', 'UTF-8', h]),
  pdftotext('pdftotext-layout', true),
  pdftotext('pdftotext-raw', false),
];
