// EDGAR full submission (.txt) → header facts + the ownership XML inside, read as XML.
//
//     <SEC-DOCUMENT>0000002488-23-000114.txt : 20230608
//     <SEC-HEADER>0000002488-23-000114.hdr.sgml : 20230608
//     <ACCEPTANCE-DATETIME>20230608161333
//     ACCESSION NUMBER:        0000002488-23-000114      ← "KEY: value" header
//     REPORTING-OWNER:  / OWNER DATA: / COMPANY CONFORMED NAME: ...
//     </SEC-HEADER>
//     <DOCUMENT> <TYPE>4 <SEQUENCE>1 <FILENAME>x.xml <TEXT> <XML> ... </XML> </TEXT> </DOCUMENT>
//
// EDGAR also serves the same header as tags (<SUBMISSION>, <ACCESSION-NUMBER>..., <CIK>),
// and 1990s headers mix both; all three read the same.
import { makeIssue } from '../../record/issues.ts';
import type { Issue, OwnershipRecord, Provenance, Source } from '../../record/schema.ts';
import type { Positions } from '../../util/positions.ts';
import { readXml } from '../xml/read-xml.ts';

type Party = { cik: string | null; name: string | null };
type Header = Omit<Source, 'format' | 'file' | 'documents'>;

const SECTIONS: Record<string, 'owner' | 'issuer' | 'other'> = {
  'REPORTING-OWNER': 'owner',
  ISSUER: 'issuer',
  'SUBJECT-COMPANY': 'issuer',
  FILER: 'other',
  'FILED-BY': 'other',
};

/** Header keys, text or tag dialect, normalised to dashes. */
const KEYS: Record<string, keyof Header | 'name' | 'cik'> = {
  'ACCESSION-NUMBER': 'accessionNumber',
  'CONFORMED-SUBMISSION-TYPE': 'formType',
  TYPE: 'formType',
  'CONFORMED-PERIOD-OF-REPORT': 'periodOfReport',
  PERIOD: 'periodOfReport',
  'FILED-AS-OF-DATE': 'filingDate',
  'FILING-DATE': 'filingDate',
  'ACCEPTANCE-DATETIME': 'acceptanceDateTime',
  'COMPANY-CONFORMED-NAME': 'name',
  'CONFORMED-NAME': 'name',
  'CENTRAL-INDEX-KEY': 'cik',
  CIK: 'cik',
};

export function readHeader(text: string, end: number): Header {
  const header: Header = {
    accessionNumber: null,
    filingDate: null,
    acceptanceDateTime: null,
    formType: null,
    periodOfReport: null,
    issuer: null,
    issuerFiscalYearEnd: null,
    reportingOwners: [],
  };
  let section: 'owner' | 'issuer' | 'other' | null = null;
  let party: Party | null = null;

  let pos = 0;
  while (pos < end) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1 || nl > end) nl = end;
    const line = text.slice(pos, nl).replace(/\r$/, '');
    pos = nl + 1;

    let key: string;
    let value: string;
    let indented = false;
    const tag = /^<(\/?)([A-Z0-9-]+)>(.*)$/.exec(line);
    if (tag) {
      const name = tag[2] as string;
      if (tag[1] === '/') {
        if (SECTIONS[name]) section = null;
        continue;
      }
      key = name;
      value = (tag[3] as string).trim();
      if (value === '' && SECTIONS[name]) {
        section = SECTIONS[name] ?? null;
        party = startParty(header, section);
        continue;
      }
    } else {
      const kv = /^(\s*)([A-Z0-9][A-Z0-9 ,&()/.-]*?):\s*(.*)$/.exec(line);
      if (!kv) continue;
      indented = (kv[1] as string).length > 0;
      key = (kv[2] as string).replace(/ /g, '-');
      value = (kv[3] as string).trim();
      if (!indented && value === '' && SECTIONS[key]) {
        section = SECTIONS[key] ?? null;
        party = startParty(header, section);
        continue;
      }
    }

    if (key === 'FISCAL-YEAR-END' && section === 'issuer' && party === header.issuer && /^\d{4}$/.test(value)) {
      header.issuerFiscalYearEnd ??= value;
      continue;
    }
    const field = KEYS[key];
    if (!field || value === '') continue;
    if (field === 'name' || field === 'cik') {
      if (party && party[field] === null) party[field] = value;
    } else if (section === null || !indented) {
      // Top-level facts come before the sections; the first occurrence wins.
      const facts = header as Record<string, unknown>;
      if (facts[field] === null) facts[field] = convert(field, value);
    }
  }
  return header;
}

function startParty(header: Header, section: 'owner' | 'issuer' | 'other' | null): Party | null {
  if (section === 'owner') {
    const party = { cik: null, name: null };
    header.reportingOwners.push(party);
    return party;
  }
  if (section === 'issuer') {
    if (header.issuer) return null; // several SUBJECT COMPANY blocks: keep the first
    header.issuer = { cik: null, name: null };
    return header.issuer;
  }
  return null;
}

function convert(field: string, value: string): string | null {
  if (field === 'filingDate' || field === 'periodOfReport') {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
    return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
  }
  if (field === 'acceptanceDateTime') {
    const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
    return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}` : null;
  }
  return value;
}

export interface SubmissionRead {
  record: OwnershipRecord | null;
  issues: Issue[];
  source: Omit<Source, 'format' | 'file'>;
}

/** Reads a full submission: its header, its documents, and the first ownership XML among them. */
export function readSubmission(text: string, positions: Positions, provenance: Record<string, Provenance> | null = null): SubmissionRead {
  const firstDocument = text.indexOf('<DOCUMENT>');
  const headerEnd = firstDocument === -1 ? text.length : firstDocument;
  const header = readHeader(text, headerEnd);
  const documents: Source['documents'] = [];
  let xmlRange: [number, number] | null = null;
  let unterminated = false;

  let at = firstDocument;
  while (at !== -1) {
    const close = text.indexOf('</DOCUMENT>', at);
    const docEnd = close === -1 ? text.length : close;
    if (close === -1) unterminated = true;
    const field = (name: string): string | null => {
      const i = text.indexOf(`<${name}>`, at);
      if (i === -1 || i > docEnd) return null;
      let nl = text.indexOf('\n', i);
      if (nl === -1 || nl > docEnd) nl = docEnd;
      const v = text.slice(i + name.length + 2, nl).trim();
      return v === '' ? null : v;
    };
    const textAt = text.indexOf('<TEXT>', at);
    const xmlOpen = text.indexOf('<XML>', at);
    const hasXml = xmlOpen !== -1 && xmlOpen < docEnd && (textAt === -1 || textAt < xmlOpen);
    documents.push({
      type: field('TYPE'),
      sequence: field('SEQUENCE'),
      fileName: field('FILENAME'),
      description: field('DESCRIPTION'),
      hasXml,
    });
    if (hasXml && !xmlRange) {
      const xmlClose = text.indexOf('</XML>', xmlOpen);
      const xmlEnd = xmlClose === -1 || xmlClose > docEnd ? docEnd : xmlClose;
      const xmlStart = xmlOpen + 5;
      if (/<([A-Za-z_][\w.-]*:)?ownershipDocument[\s>]/.test(text.slice(xmlStart, Math.min(xmlEnd, xmlStart + 4096)))) {
        xmlRange = [xmlStart, xmlEnd];
      }
    }
    if (close === -1) break;
    at = text.indexOf('<DOCUMENT>', close);
  }

  const source = { ...header, documents };
  const issues: Issue[] = [];
  if (!xmlRange) {
    if (unterminated && documents.length > 0) {
      issues.push(makeIssue('SUBMISSION_MALFORMED', { detail: 'a <DOCUMENT> has no </DOCUMENT>: the file looks truncated' }, null, positions.span(text.length, text.length)));
    }
    issues.push(makeIssue('SUBMISSION_NO_OWNERSHIP_XML', { accession: header.accessionNumber ?? '', documents: documents.length }, null, null));
    return { record: null, issues, source };
  }
  const xml = readXml(text, positions, xmlRange[0], xmlRange[1], provenance);
  issues.push(...xml.issues);
  return { record: xml.record, issues, source };
}
