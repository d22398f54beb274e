// The reading pipeline for one input: bytes → text → detect → read (xml | sgml | html | text | dataset) → result.
// No I/O here: callers (CLI, ingester, server) read files and hand over bytes or text.
import { detectFormat } from '../detect/detect-format.ts';
import { makeIssue } from '../record/issues.ts';
import type { Format, Issue, ParseResult, Source } from '../record/schema.ts';
import { Positions } from '../util/positions.ts';
import { readDataset } from './dataset/read-dataset.ts';
import { readHtml } from './html/read-html.ts';
import { readSubmission } from './sgml/read-submission.ts';
import { readText } from './text/read-text.ts';
import { readXml } from './xml/read-xml.ts';

export interface ParseOptions {
  /** Named in the result's source, so that issues can say which file they are about. */
  fileName?: string | null;
  /** Inputs longer than this (bytes, or characters for a string) are refused. Default 64 MiB. */
  maxBytes?: number;
  /** Treat a record with error-severity issues as not read (`ok: false`). */
  strict?: boolean;
  /**
   * Also give each value's source span for XML and submissions (renderings always do).
   * Off by default: it costs a span per value on the fastest path.
   */
  provenance?: boolean;
}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** Reads one filing in any supported format. Never throws on bad input. */
export function parse(input: string | Uint8Array, options: ParseOptions = {}): ParseResult {
  const fileName = options.fileName ?? null;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const fail = (format: Format, issue: Issue, source?: Partial<Source>): ParseResult => ({
    ok: false,
    record: null,
    source: { ...emptySource(format, fileName), ...source },
    issues: [issue],
  });

  if (input.length === 0) return fail('text', makeIssue('INPUT_EMPTY'));
  if (input.length > maxBytes) {
    return fail('text', makeIssue('INPUT_TOO_LARGE', { limit: maxBytes, size: input.length }));
  }
  const text = typeof input === 'string' ? input : decode(input);
  const binary = findBinary(text);
  if (binary !== -1) {
    const byte = text.charCodeAt(binary).toString(16).padStart(2, '0');
    return fail('text', makeIssue('INPUT_BINARY', { byte, offset: binary }));
  }
  if (text.trim() === '') return fail('text', makeIssue('INPUT_EMPTY'));

  const positions = new Positions(text);
  const format = detectFormat(text);
  switch (format) {
    case 'xml': {
      const provenance = options.provenance ? {} : null;
      const { record, issues } = readXml(text, positions, 0, text.length, provenance);
      return finish({ record, issues, source: emptySource('xml', fileName), provenance }, options);
    }
    case 'sgml': {
      const provenance = options.provenance ? {} : null;
      const read = readSubmission(text, positions, provenance);
      return finish({ record: read.record, issues: read.issues, source: { format: 'sgml', file: fileName, ...read.source }, provenance }, options);
    }
    case 'html': {
      const { record, issues, provenance } = readHtml(text, positions);
      return finish({ record, issues, source: emptySource('html', fileName), provenance }, options);
    }
    case 'dataset': {
      const read = readDataset(text);
      return finish({ record: read.record, issues: read.issues, source: { ...(read.source ?? emptySource('dataset', fileName)), file: fileName } }, options);
    }
    case 'text': {
      const { record, issues, provenance } = readText(text, positions);
      return finish({ record, issues, source: emptySource('text', fileName), provenance }, options);
    }
    default:
      return fail('text', makeIssue('INPUT_UNRECOGNIZED'));
  }
}

function finish(
  result: Omit<ParseResult, 'ok'>,
  options: ParseOptions,
): ParseResult {
  const ok = result.record !== null && !(options.strict && result.issues.some((i) => i.severity === 'error'));
  const out: ParseResult = { ok, record: result.record, source: result.source, issues: result.issues };
  if (result.provenance) out.provenance = result.provenance;
  return out;
}

export function emptySource(format: Format, file: string | null): Source {
  return {
    format,
    file,
    accessionNumber: null,
    filingDate: null,
    acceptanceDateTime: null,
    formType: null,
    periodOfReport: null,
    issuer: null,
    issuerFiscalYearEnd: null,
    reportingOwners: [],
    documents: [],
  };
}

/**
 * Offset of the first character that marks the input as binary, or -1: a NUL, or control
 * characters beyond a stray few (old DOS files end with ^Z). Only the first 64 KiB
 * are examined: enough to tell a PDF, an image or an archive from text.
 */
function findBinary(text: string): number {
  const head = text.length <= 65536 ? text : text.slice(0, 65536);
  if (!CONTROL.test(head)) return -1; // the common case, at regex speed
  let first = -1;
  let count = 0;
  for (const m of head.matchAll(CONTROLS)) {
    if (m[0] === '\0') return m.index;
    if (first === -1) first = m.index;
    count++;
  }
  return count > Math.max(8, head.length / 100) ? first : -1;
}

const CONTROL = /[\x00-\x08\x0e-\x19\x1c-\x1f]/;
const CONTROLS = /[\x00-\x08\x0e-\x19\x1c-\x1f]/g;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('windows-1252');

/** UTF-8 when the bytes are UTF-8 (ASCII included), else Windows-1252 as older filings are. */
export function decode(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}
