// Turns a short hand-written description of an insider's transactions into ownership XML
// for EDGAR, with everything EDGAR would reject or a reviewer would question as issues.
//
// The description (JSON, YAML or CSV; see read-description.ts) names things as the printed
// form does, and a value may carry footnote marks as the form prints them: `price: 171.50 (1)`.
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
import { addBusinessDays, businessDaysBetween, dayNumber } from '../validate/business-days.ts';
import { readDescription, type Tree } from './read-description.ts';
import { writeOwnership } from './write-ownership-xml.ts';

export interface PrepareOptions {
  /** Names the description's format by extension (`.json`, `.yaml`, `.csv`). */
  fileName?: string | null;
  /** The day the filing will be made, for the late-filing check; the description's `filed`, else today. */
  filingDate?: string;
}

export interface PrepareResult {
  /** True when no error-level issue was found: EDGAR should accept the XML. */
  ok: boolean;
  record: OwnershipRecord | null;
  /** The ownership XML, written for submission (no schemaVersion: EDGAR inserts it); null when the description could not be read. */
  xml: string | null;
  issues: Issue[];
}

type Path = (string | number)[];
type Obj = { [key: string]: Tree };

const DOCUMENT_TYPES = new Set(['3', '4', '5', '3/A', '4/A', '5/A']);

/** What each transaction code means, and the direction it implies where it implies one. */
const CODES: Record<string, { meaning: string; direction?: 'A' | 'D'; derivativeDirection?: 'A' | 'D' }> = {
  P: { meaning: 'open market or private purchase', direction: 'A' },
  S: { meaning: 'open market or private sale', direction: 'D' },
  V: { meaning: 'transaction voluntarily reported earlier than required' },
  A: { meaning: 'grant, award or other acquisition from the issuer', direction: 'A' },
  D: { meaning: 'disposition to the issuer', direction: 'D' },
  F: { meaning: 'payment of exercise price or tax liability by delivering securities', direction: 'D' },
  I: { meaning: 'discretionary transaction' },
  M: { meaning: 'exercise or conversion of a derivative security exempted under Rule 16b-3', direction: 'A', derivativeDirection: 'D' },
  C: { meaning: 'conversion of a derivative security', direction: 'A', derivativeDirection: 'D' },
  E: { meaning: 'expiration of a short derivative position', derivativeDirection: 'D' },
  H: { meaning: 'expiration or cancellation of a long derivative position with value received', derivativeDirection: 'D' },
  O: { meaning: 'exercise of an out-of-the-money derivative security', direction: 'A', derivativeDirection: 'D' },
  X: { meaning: 'exercise of an in-the-money or at-the-money derivative security', direction: 'A', derivativeDirection: 'D' },
  G: { meaning: 'bona fide gift' },
  L: { meaning: 'small acquisition under Rule 16a-6', direction: 'A' },
  W: { meaning: 'acquisition or disposition by will or the laws of descent and distribution' },
  Z: { meaning: 'deposit into or withdrawal from a voting trust' },
  J: { meaning: 'other acquisition or disposition (described in a footnote)' },
  K: { meaning: 'transaction in an equity swap or similar instrument' },
  U: { meaning: 'disposition pursuant to a tender of shares in a change of control transaction', direction: 'D' },
};

const FIELDS = {
  root: ['form', 'filed', 'period', 'originalFiled', 'rule10b5-1', 'aff10b5One', 'notSubjectToSection16', 'issuer', 'owner', 'owners',
    'transactions', 'holdings', 'derivatives', 'derivativeHoldings', 'footnotes', 'remarks', 'signature', 'signatures'],
  issuer: ['cik', 'name', 'symbol', 'foreignSymbol'],
  owner: ['cik', 'name', 'street1', 'street2', 'city', 'state', 'zip', 'country', 'stateDescription', 'address',
    'director', 'officer', 'tenPercentOwner', 'other'],
  address: ['street1', 'street2', 'city', 'state', 'zip', 'country', 'stateDescription'],
  transaction: ['security', 'date', 'deemedDate', 'code', 'formType', 'swap', 'timeliness', 'shares', 'value', 'price', 'ad',
    'owned', 'ownedValue', 'ownership', 'nature'],
  holding: ['security', 'formType', 'owned', 'ownedValue', 'ownership', 'nature'],
  derivative: ['security', 'exercisePrice', 'date', 'deemedDate', 'code', 'formType', 'swap', 'timeliness', 'shares', 'value', 'price',
    'ad', 'exercisable', 'expires', 'underlying', 'underlyingShares', 'underlyingValue', 'owned', 'ownedValue', 'ownership', 'nature'],
  derivativeHolding: ['security', 'exercisePrice', 'formType', 'exercisable', 'expires', 'underlying', 'underlyingShares',
    'underlyingValue', 'owned', 'ownedValue', 'ownership', 'nature'],
  signature: ['name', 'date'],
};

/** Description field → record field, for footnote keys. */
const RECORD_FIELD: Record<string, string> = {
  security: 'securityTitle', date: 'transactionDate', deemedDate: 'deemedExecutionDate', code: 'transactionCode',
  formType: 'transactionFormType', timeliness: 'transactionTimeliness', shares: 'shares', value: 'totalValue',
  price: 'pricePerShare', ad: 'acquiredDisposedCode', owned: 'sharesOwnedFollowingTransaction',
  ownedValue: 'valueOwnedFollowingTransaction', ownership: 'directOrIndirectOwnership', nature: 'natureOfOwnership',
  exercisePrice: 'conversionOrExercisePrice', exercisable: 'exerciseDate', expires: 'expirationDate',
  underlying: 'underlyingSecurityTitle', underlyingShares: 'underlyingSecurityShares', underlyingValue: 'underlyingSecurityValue',
};

const MARKS = /\s*((?:\((?:F)?\d{1,2}\)\s*)+)$/;

function fieldOf(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function isObj(t: Tree | undefined): t is Obj {
  return t !== null && t !== undefined && typeof t === 'object' && !Array.isArray(t);
}

/** A list from an array, or from an object keyed 0, 1, 2 (as CSV's dotted fields give). */
function asList(t: Tree | undefined): Tree[] {
  if (t === null || t === undefined) return [];
  if (Array.isArray(t)) return t;
  if (isObj(t) && Object.keys(t).every((k) => /^\d+$/.test(k))) return Object.keys(t).sort((a, b) => Number(a) - Number(b)).map((k) => t[k] as Tree);
  return [t];
}

class Preparer {
  readonly issues: Issue[] = [];
  /** Footnote numbers the description refers to, to find the unused ones. */
  readonly referenced = new Set<string>();

  report(code: IssueCode, params: Record<string, string | number>, path: Path | null): void {
    this.issues.push(makeIssue(code, params, path));
  }

  unknownFields(obj: Obj, known: string[], where: string, path: Path): void {
    for (const key of Object.keys(obj)) {
      if (!known.includes(key)) this.report('PREP_FIELD_UNKNOWN', { field: fieldOf([...path, key]), where, known: known.join(', ') }, [...path, key]);
    }
  }

  /** The text of a field with its footnote marks split off: `171.50 (1)(2)` → `171.50`, F1, F2. */
  marked(obj: Obj, key: string, path: Path, notes?: FootnoteMap, recordKey?: string): string | null {
    const raw = obj[key];
    if (raw === undefined || raw === null) return null;
    if (typeof raw !== 'string') {
      this.report('PREP_VALUE_INVALID', { field: fieldOf([...path, key]), value: JSON.stringify(raw).slice(0, 60), expected: 'a single value' }, [...path, key]);
      return null;
    }
    let text = raw.trim();
    const m = MARKS.exec(text);
    if (m) {
      const ids = [...(m[1] as string).matchAll(/\(F?(\d{1,2})\)/g)].map((x) => `F${Number(x[1])}`);
      text = text.slice(0, m.index).trim();
      if (notes) {
        const k = recordKey ?? RECORD_FIELD[key] ?? key;
        const list = (notes[k] ??= []);
        for (const id of ids) {
          if (!list.includes(id)) list.push(id);
          this.referenced.add(id);
        }
      } else {
        this.report('PREP_VALUE_INVALID', { field: fieldOf([...path, key]), value: raw, expected: 'a value without footnote marks (this field cannot carry footnotes)' }, [...path, key]);
      }
    }
    return text === '' ? null : text;
  }

  text(obj: Obj, key: string, path: Path, notes?: FootnoteMap, recordKey?: string): string | null {
    return this.marked(obj, key, path, notes, recordKey);
  }

  number(obj: Obj, key: string, path: Path, notes?: FootnoteMap): number | null {
    const s = this.marked(obj, key, path, notes);
    if (s === null) return null;
    const plain = s.replace(/[$,\s]/g, '');
    if (!/^\d+(?:\.\d+)?$|^\.\d+$/.test(plain)) {
      this.report('PREP_VALUE_INVALID', { field: fieldOf([...path, key]), value: s, expected: 'a number of 0 or more (13,750 or $171.50)' }, [...path, key]);
      return null;
    }
    return Number(plain);
  }

  date(obj: Obj, key: string, path: Path, notes?: FootnoteMap): string | null {
    const s = this.marked(obj, key, path, notes);
    return s === null ? null : this.toDate(s, [...path, key]);
  }

  toDate(s: string, path: Path): string | null {
    let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    let y: number, mo: number, d: number;
    if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s))) [y, mo, d] = [Number(m[3]), Number(m[1]), Number(m[2])];
    else {
      this.report('PREP_VALUE_INVALID', { field: fieldOf(path), value: s, expected: 'a date (2024-03-04 or 03/04/2024)' }, path);
      return null;
    }
    if (!isCalendarDate(y, mo, d)) {
      this.report('PREP_VALUE_INVALID', { field: fieldOf(path), value: s, expected: 'a day of the calendar' }, path);
      return null;
    }
    return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }

  flag(obj: Obj, key: string, path: Path): boolean | null {
    const s = this.marked(obj, key, path);
    if (s === null) return null;
    const v = s.toLowerCase();
    if (['true', 'yes', 'y', 'x', '1'].includes(v)) return true;
    if (['false', 'no', 'n', '0', ''].includes(v)) return false;
    this.report('PREP_VALUE_INVALID', { field: fieldOf([...path, key]), value: s, expected: 'yes or no (true/false)' }, [...path, key]);
    return null;
  }

  /** `officer: Chief Executive Officer` is a title and a tick; `officer: yes` a tick alone. */
  titled(obj: Obj, key: string, path: Path): { flag: boolean | null; title: string | null } {
    const s = this.marked(obj, key, path);
    if (s === null) return { flag: null, title: null };
    const v = s.toLowerCase();
    if (['true', 'yes', 'y', 'x', '1'].includes(v)) return { flag: true, title: null };
    if (['false', 'no', 'n', '0'].includes(v)) return { flag: false, title: null };
    return { flag: true, title: s };
  }

  code(value: string | null, path: Path, allowed: RegExp, expected: string): string | null {
    if (value === null) return null;
    const v = value.toUpperCase();
    if (!allowed.test(v)) this.report('PREP_VALUE_INVALID', { field: fieldOf(path), value, expected }, path);
    return v;
  }

  // --- parts of the form ---

  owner(t: Tree, path: Path): ReportingOwner {
    if (!isObj(t)) {
      this.report('PREP_VALUE_INVALID', { field: fieldOf(path), value: String(t), expected: 'a reporting owner (cik, name, address, relationship)' }, path);
      return { cik: null, name: null, address: null, relationship: null };
    }
    this.unknownFields(t, FIELDS.owner, 'a reporting owner', path);
    const a = isObj(t.address) ? t.address : t;
    const ap = isObj(t.address) ? [...path, 'address'] : path;
    if (isObj(t.address)) this.unknownFields(t.address, FIELDS.address, 'an address', ap);
    const officer = this.titled(t, 'officer', path);
    const other = this.titled(t, 'other', path);
    const country = this.text(a, 'country', ap);
    const owner: ReportingOwner = {
      cik: this.cik(this.text(t, 'cik', path), [...path, 'cik']),
      name: this.text(t, 'name', path),
      address: {
        street1: this.text(a, 'street1', ap),
        street2: this.text(a, 'street2', ap),
        city: this.text(a, 'city', ap),
        state: this.text(a, 'state', ap)?.toUpperCase() ?? null,
        zipCode: this.text(a, 'zip', ap),
        stateDescription: this.text(a, 'stateDescription', ap),
        country: country?.toUpperCase() ?? null,
        nonUSStateTerritory: null,
        nonUSAddress: null,
      },
      relationship: {
        isDirector: this.flag(t, 'director', path) ?? false,
        isOfficer: officer.flag ?? false,
        isTenPercentOwner: this.flag(t, 'tenPercentOwner', path) ?? false,
        isOther: other.flag ?? false,
        officerTitle: officer.title,
        otherText: other.title,
      },
    };
    const address = owner.address;
    if (address && Object.values(address).every((v) => v === null)) owner.address = null;
    if (owner.cik === null) this.report('PREP_REQUIRED_MISSING', { field: fieldOf([...path, 'cik']), why: ": EDGAR identifies the owner by CIK (and the CCC given when filing)" }, [...path, 'cik']);
    const rel = owner.relationship;
    if (rel && !rel.isDirector && !rel.isOfficer && !rel.isTenPercentOwner && !rel.isOther) {
      this.report('PREP_NO_RELATIONSHIP', { owner: owner.name ?? fieldOf(path) }, path);
    }
    if (rel?.isOfficer && rel.officerTitle === null) this.report('PREP_OFFICER_TITLE_MISSING', { owner: owner.name ?? fieldOf(path), field: 'officer', what: 'an officer title' }, [...path, 'officer']);
    if (rel?.isOther && rel.otherText === null) this.report('PREP_OFFICER_TITLE_MISSING', { owner: owner.name ?? fieldOf(path), field: 'other', what: 'what the other relationship is' }, [...path, 'other']);
    return owner;
  }

  cik(value: string | null, path: Path): string | null {
    if (value === null) return null;
    if (!/^\d{1,10}$/.test(value)) {
      this.report('PREP_VALUE_INVALID', { field: fieldOf(path), value, expected: 'a CIK of 1 to 10 digits' }, path);
      return value;
    }
    return value.padStart(10, '0');
  }

  ownership(t: Obj, path: Path, notes: FootnoteMap, requireOwned = true) {
    const direct = this.code(this.text(t, 'ownership', path, notes) ?? 'D', [...path, 'ownership'], /^(?:D|I)$/, 'D (direct) or I (indirect)');
    const nature = this.text(t, 'nature', path, notes);
    if (direct === 'I' && nature === null) this.report('PREP_NATURE_MISSING', { row: fieldOf(path) }, [...path, 'nature']);
    if (direct === 'D' && nature !== null) this.report('PREP_NATURE_WITH_DIRECT', { row: fieldOf(path), nature }, [...path, 'nature']);
    const owned = this.number(t, 'owned', path, notes);
    const ownedValue = this.number(t, 'ownedValue', path, notes);
    if (owned === null && ownedValue === null && requireOwned) {
      this.report('PREP_REQUIRED_MISSING', { field: fieldOf([...path, 'owned']), why: ': the amount owned following the reported transaction(s) (or ownedValue)' }, [...path, 'owned']);
    }
    return {
      sharesOwnedFollowingTransaction: owned,
      valueOwnedFollowingTransaction: ownedValue,
      directOrIndirectOwnership: direct,
      natureOfOwnership: nature,
      footnotes: notes,
    };
  }

  transaction(t: Obj, path: Path, form: string, derivative: boolean) {
    const notes: FootnoteMap = {};
    const code = this.code(this.text(t, 'code', path, notes), [...path, 'code'], /^[ACDEFGHIJLMOPSUWXZ]$/, "one of the SEC's transaction codes (P, S, A, M, F, G, ...)");
    if (code === null) this.report('PREP_REQUIRED_MISSING', { field: fieldOf([...path, 'code']), why: ' (Instr. 8 transaction code: P, S, A, M, F, G, ...)' }, [...path, 'code']);
    const date = this.date(t, 'date', path, notes);
    if (date === null && t.date === undefined) this.report('PREP_REQUIRED_MISSING', { field: fieldOf([...path, 'date']), why: ': the transaction date' }, [...path, 'date']);
    const security = this.text(t, 'security', path, notes);
    if (security === null) this.report('PREP_REQUIRED_MISSING', { field: fieldOf([...path, 'security']), why: ': the title of the security' }, [...path, 'security']);
    let ad = this.code(this.text(t, 'ad', path, notes), [...path, 'ad'], /^(?:A|D)$/, 'A (acquired) or D (disposed of)');
    const meaning = code === null ? undefined : CODES[code];
    const implied = derivative ? meaning?.derivativeDirection ?? meaning?.direction : meaning?.direction;
    if (ad === null && code !== null) {
      if (implied) {
        ad = implied;
        this.report('PREP_DIRECTION_INFERRED', { field: fieldOf([...path, 'ad']), code, meaning: meaning?.meaning ?? '', value: implied }, [...path, 'ad']);
      } else {
        this.report('PREP_REQUIRED_MISSING', { field: fieldOf([...path, 'ad']), why: `: code ${code} (${meaning?.meaning ?? 'unknown'}) can acquire or dispose, so say A or D` }, [...path, 'ad']);
      }
    } else if (ad !== null && implied && ad !== implied && code !== null) {
      this.report('PREP_CODE_DIRECTION', { row: fieldOf(path), code, meaning: meaning?.meaning ?? '', expected: implied, actual: ad, table: derivative ? 'Table II' : 'Table I' }, [...path, 'ad']);
    }
    const shares = this.number(t, 'shares', path, notes);
    const value = this.number(t, 'value', path, notes);
    if (shares === null && (!derivative || value === null)) {
      this.report('PREP_REQUIRED_MISSING', { field: fieldOf([...path, 'shares']), why: derivative ? ': the number of derivative securities (or value)' : ': the amount of securities' }, [...path, 'shares']);
    }
    const price = this.number(t, 'price', path, notes);
    if (price === null && !notes.pricePerShare) {
      this.report('PREP_REQUIRED_MISSING', { field: fieldOf([...path, 'price']), why: ': the price per share, or a footnote mark such as "(1)" explaining why there is none (0 for a gift or grant)' }, [...path, 'price']);
    }
    const timeliness = this.code(this.text(t, 'timeliness', path, notes), [...path, 'timeliness'], /^(?:E|L)$/, 'E (early) or L (late)');
    return {
      transactionDate: date,
      deemedExecutionDate: this.date(t, 'deemedDate', path, notes),
      transactionFormType: this.code(this.text(t, 'formType', path, notes), [...path, 'formType'], /^(?:4|5)$/, '4 or 5') ?? (form.startsWith('5') ? '5' : '4'),
      transactionCode: code,
      equitySwapInvolved: this.flag(t, 'swap', path) ?? false,
      transactionTimeliness: timeliness,
      shares,
      totalValue: value,
      pricePerShare: price,
      acquiredDisposedCode: ad,
      security,
      notes,
    };
  }

  derivativeTerms(t: Obj, path: Path, notes: FootnoteMap) {
    const underlying = this.text(t, 'underlying', path, notes);
    if (underlying === null) this.report('PREP_REQUIRED_MISSING', { field: fieldOf([...path, 'underlying']), why: ': the title of the underlying security' }, [...path, 'underlying']);
    const exercise = this.date(t, 'exercisable', path, notes);
    const expiration = this.date(t, 'expires', path, notes);
    for (const [key, value, rk] of [['exercisable', exercise, 'exerciseDate'], ['expires', expiration, 'expirationDate']] as const) {
      if (value === null && !notes[rk]) this.report('PREP_REQUIRED_MISSING', { field: fieldOf([...path, key]), why: ': a date, or a footnote mark such as "(2)" ("Immediately", "Upon vesting")' }, [...path, key]);
    }
    const price = this.number(t, 'exercisePrice', path, notes);
    if (price === null && !notes.conversionOrExercisePrice) {
      this.report('PREP_REQUIRED_MISSING', { field: fieldOf([...path, 'exercisePrice']), why: ': the conversion or exercise price, or a footnote mark' }, [...path, 'exercisePrice']);
    }
    return {
      conversionOrExercisePrice: price,
      exerciseDate: exercise,
      expirationDate: expiration,
      underlyingSecurityTitle: underlying,
      underlyingSecurityShares: this.number(t, 'underlyingShares', path, notes),
      underlyingSecurityValue: this.number(t, 'underlyingValue', path, notes),
    };
  }

  rowObject(t: Tree, path: Path, what: string): Obj | null {
    if (isObj(t)) return t;
    this.report('PREP_VALUE_INVALID', { field: fieldOf(path), value: String(t), expected: what }, path);
    return null;
  }

  // --- the filing ---

  prepare(tree: Tree, options: PrepareOptions): OwnershipRecord | null {
    if (!isObj(tree)) {
      this.report('PREP_VALUE_INVALID', { field: 'the description', value: typeof tree === 'string' ? tree.slice(0, 60) : String(tree), expected: 'a set of fields (form, issuer, owner, transactions, ...)' }, []);
      return null;
    }
    this.unknownFields(tree, FIELDS.root, 'the filing', []);
    const form = (this.text(tree, 'form', []) ?? '').toUpperCase().replace(/^FORM\s*/, '');
    if (form === '') this.report('PREP_REQUIRED_MISSING', { field: 'form', why: ': 3, 4 or 5 (4/A for an amendment)' }, ['form']);
    else if (!DOCUMENT_TYPES.has(form)) this.report('PREP_VALUE_INVALID', { field: 'form', value: form, expected: 'one of 3, 4, 5, 3/A, 4/A, 5/A' }, ['form']);
    const documentType = form === '' ? '4' : form;

    const issuerTree = isObj(tree.issuer) ? tree.issuer : {};
    if (!isObj(tree.issuer)) this.report('PREP_REQUIRED_MISSING', { field: 'issuer', why: ': the issuer\'s cik and trading symbol' }, ['issuer']);
    else this.unknownFields(issuerTree, FIELDS.issuer, 'the issuer', ['issuer']);
    const issuer = {
      cik: this.cik(this.text(issuerTree, 'cik', ['issuer']), ['issuer', 'cik']),
      name: this.text(issuerTree, 'name', ['issuer']),
      tradingSymbol: this.text(issuerTree, 'symbol', ['issuer'])?.toUpperCase() ?? null,
      foreignTradingSymbol: this.text(issuerTree, 'foreignSymbol', ['issuer']),
    };

    const ownerTrees = tree.owners !== undefined ? asList(tree.owners) : asList(tree.owner);
    const ownerKey = tree.owners !== undefined ? 'owners' : 'owner';
    const reportingOwners = ownerTrees.map((t, i) => this.owner(t, ownerTrees.length === 1 && ownerKey === 'owner' ? ['owner'] : [ownerKey, i]));
    const ciks = new Set<string>();
    reportingOwners.forEach((o, i) => {
      if (o.cik === null) return;
      if (ciks.has(o.cik)) this.report('PREP_DUPLICATE_OWNER', { cik: o.cik }, [ownerKey, i]);
      ciks.add(o.cik);
    });

    const nonDerivativeTransactions: NonDerivativeTransaction[] = [];
    const nonDerivativeHoldings: NonDerivativeHolding[] = [];
    const derivativeTransactions: DerivativeTransaction[] = [];
    const derivativeHoldings: DerivativeHolding[] = [];
    asList(tree.transactions).forEach((t, i) => {
      const path: Path = ['transactions', i];
      const row = this.rowObject(t, path, 'a transaction (security, date, code, shares, price, owned, ...)');
      if (!row) return;
      this.unknownFields(row, FIELDS.transaction, 'a Table I transaction', path);
      const tx = this.transaction(row, path, documentType, false);
      const { security, notes, ...rest } = tx;
      nonDerivativeTransactions.push({ securityTitle: security, ...rest, ...this.ownership(row, path, notes) });
    });
    asList(tree.holdings).forEach((t, i) => {
      const path: Path = ['holdings', i];
      const row = this.rowObject(t, path, 'a holding (security, owned, ownership, nature)');
      if (!row) return;
      this.unknownFields(row, FIELDS.holding, 'a Table I holding', path);
      const notes: FootnoteMap = {};
      const security = this.text(row, 'security', path, notes);
      if (security === null) this.report('PREP_REQUIRED_MISSING', { field: fieldOf([...path, 'security']), why: ': the title of the security' }, [...path, 'security']);
      const formType = this.text(row, 'formType', path, notes, 'transactionFormType');
      nonDerivativeHoldings.push({ securityTitle: security, transactionFormType: formType, ...this.ownership(row, path, notes) });
    });
    asList(tree.derivatives).forEach((t, i) => {
      const path: Path = ['derivatives', i];
      const row = this.rowObject(t, path, 'a derivative transaction');
      if (!row) return;
      this.unknownFields(row, FIELDS.derivative, 'a Table II transaction', path);
      const { security, notes, ...tx } = this.transaction(row, path, documentType, true);
      const terms = this.derivativeTerms(row, path, notes);
      const { conversionOrExercisePrice, ...rest } = terms;
      derivativeTransactions.push({ securityTitle: security, conversionOrExercisePrice, ...tx, ...rest, ...this.ownership(row, path, notes) });
    });
    asList(tree.derivativeHoldings).forEach((t, i) => {
      const path: Path = ['derivativeHoldings', i];
      const row = this.rowObject(t, path, 'a derivative holding');
      if (!row) return;
      this.unknownFields(row, FIELDS.derivativeHolding, 'a Table II holding', path);
      const notes: FootnoteMap = {};
      const security = this.text(row, 'security', path, notes);
      if (security === null) this.report('PREP_REQUIRED_MISSING', { field: fieldOf([...path, 'security']), why: ': the title of the derivative security' }, [...path, 'security']);
      const formType = this.text(row, 'formType', path, notes, 'transactionFormType');
      const { conversionOrExercisePrice, ...terms } = this.derivativeTerms(row, path, notes);
      // A Form 3 gives a derivative holding's amount as the underlying shares only.
      const own = this.ownership(row, path, notes, !documentType.startsWith('3'));
      derivativeHoldings.push({ securityTitle: security, conversionOrExercisePrice, transactionFormType: formType, ...terms, ...own });
    });

    // Footnotes: a map {1: text} or a list numbered from 1.
    const footnotes: OwnershipRecord['footnotes'] = [];
    const fnTree = tree.footnotes;
    const entries: [string, Tree][] = Array.isArray(fnTree)
      ? fnTree.map((t, i) => [String(i + 1), t])
      : isObj(fnTree)
        ? Object.entries(fnTree)
        : [];
    for (const [key, value] of entries) {
      const n = /^F?(\d{1,2})$/i.exec(key.trim())?.[1];
      const path: Path = ['footnotes', key];
      if (n === undefined || Number(n) < 1) {
        this.report('PREP_VALUE_INVALID', { field: fieldOf(path), value: key, expected: 'a footnote number from 1 to 99' }, path);
        continue;
      }
      const text = typeof value === 'string' ? value.trim() : null;
      if (text === null || text === '') {
        this.report('PREP_REQUIRED_MISSING', { field: fieldOf(path), why: ': the text of the footnote' }, path);
        continue;
      }
      const id = `F${Number(n)}`;
      if ([...text].length > 1000) this.report('PREP_FOOTNOTE_TOO_LONG', { id, length: [...text].length }, path);
      if (!this.referenced.has(id)) this.report('PREP_FOOTNOTE_UNUSED', { id }, path);
      footnotes.push({ id, text });
    }
    footnotes.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));

    const signatureTrees = tree.signatures !== undefined ? asList(tree.signatures) : asList(tree.signature);
    const signatures = signatureTrees.map((t, i) => {
      const path: Path = tree.signatures !== undefined ? ['signatures', i] : ['signature'];
      if (typeof t === 'string') return { name: t.trim(), date: null as string | null };
      if (!isObj(t)) return { name: null, date: null };
      this.unknownFields(t, FIELDS.signature, 'a signature', path);
      return { name: this.text(t, 'name', path), date: this.date(t, 'date', path) };
    });

    // The day of filing: for the late check, and the signature date when none is given.
    const filed = options.filingDate ?? (tree.filed === undefined ? today() : this.date(tree, 'filed', []));
    if (signatures.length === 0) this.report('PREP_REQUIRED_MISSING', { field: 'signature', why: ': the name of the person signing (e.g. "/s/ Jane Doe, attorney-in-fact")' }, ['signature']);
    for (const s of signatures) s.date ??= filed;

    const transactionDates = [...nonDerivativeTransactions, ...derivativeTransactions].map((r) => r.transactionDate).filter((d): d is string => d !== null).sort();
    const earliest = transactionDates[0] ?? null;
    let period = this.date(tree, 'period', []);
    if (period === null && earliest !== null && !documentType.startsWith('3')) period = earliest;
    else if (period !== null && earliest !== null && documentType.startsWith('4') && period !== earliest) {
      this.report('PREP_PERIOD_NOT_EARLIEST', { period, earliest }, ['period']);
    }
    if (period === null) this.report('PREP_REQUIRED_MISSING', { field: 'period', why: documentType.startsWith('3') ? ': the date of the event requiring the statement' : documentType.startsWith('5') ? ": the issuer's fiscal year end" : ': the date of the earliest transaction' }, ['period']);

    const amendment = documentType.endsWith('/A');
    const originalFiled = this.date(tree, 'originalFiled', []);
    if (amendment && originalFiled === null) this.report('PREP_REQUIRED_MISSING', { field: 'originalFiled', why: ': the date the original filing was made (box 4)' }, ['originalFiled']);

    const aff = this.flag(tree, 'rule10b5-1', []) ?? this.flag(tree, 'aff10b5One', []);
    const notSubject = this.flag(tree, 'notSubjectToSection16', []);
    const rows = nonDerivativeTransactions.length + nonDerivativeHoldings.length + derivativeTransactions.length + derivativeHoldings.length;
    if (rows === 0 && !documentType.startsWith('3') && notSubject !== true) this.report('PREP_NOTHING_REPORTED', { form: documentType }, []);

    const record: OwnershipRecord = {
      documentType,
      schemaVersion: null,
      periodOfReport: period,
      dateOfOriginalSubmission: amendment ? originalFiled : null,
      notSubjectToSection16: documentType.startsWith('3') ? null : notSubject,
      form3HoldingsReported: null,
      form4TransactionsReported: null,
      noSecuritiesOwned: null,
      // An unticked box is an answer: the 10b5-1 checkbox is false unless the description ticks it.
      aff10b5One: documentType.startsWith('3') ? aff : aff ?? false,
      issuer,
      reportingOwners,
      nonDerivativeTransactions,
      nonDerivativeHoldings,
      derivativeTransactions,
      derivativeHoldings,
      footnotes,
      remarks: this.text(tree, 'remarks', []),
      signatures,
    };
    if (filed !== null) this.lateness(record, filed);
    return record;
  }

  /** Rule 16a-3(g): a Form 4 is due before the end of the second business day after the transaction. */
  lateness(record: OwnershipRecord, filed: string): void {
    if (!record.documentType?.startsWith('4') || dayNumber(filed) === null) return;
    // Paths name the description's lists, where the user will look.
    const rows: [string, NonDerivativeTransaction | DerivativeTransaction, number][] = [
      ...record.nonDerivativeTransactions.map((r, i) => ['transactions', r, i] as [string, NonDerivativeTransaction, number]),
      ...record.derivativeTransactions.map((r, i) => ['derivatives', r, i] as [string, DerivativeTransaction, number]),
    ];
    for (const [table, row, i] of rows) {
      // A deemed execution date (Rule 10b5-1 plans, DRIPs) moves the event the deadline runs from.
      const event = row.deemedExecutionDate ?? row.transactionDate;
      if (event === null || row.transactionFormType === '5' || dayNumber(event) === null) continue;
      const due = addBusinessDays(event, 2);
      if (filed <= due) continue;
      this.report('PREP_FILED_LATE', {
        row: `${table}[${i}]`,
        event,
        field: row.deemedExecutionDate ? 'deemed execution date' : 'transaction date',
        due,
        filed,
        late: businessDaysBetween(due, filed),
      }, [table, i, 'date']);
    }
  }
}

const LISTS: Record<string, string> = {
  nonDerivativeTransactions: 'transactions',
  nonDerivativeHoldings: 'holdings',
  derivativeTransactions: 'derivatives',
  derivativeHoldings: 'derivativeHoldings',
};
const DESCRIPTION_FIELD = Object.fromEntries(Object.entries(RECORD_FIELD).map(([d, r]) => [r, d]));

/** A path into the record (`nonDerivativeTransactions.0.pricePerShare`) as the description names it (`transactions.0.price`). */
function descriptionPath(path: Path): Path {
  const [list, index, field] = path;
  if (typeof list !== 'string' || LISTS[list] === undefined || typeof index !== 'number' || typeof field !== 'string') return path;
  return [LISTS[list] as string, index, DESCRIPTION_FIELD[field] ?? field];
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Reads a description and writes the filing; never throws on a bad description. */
export function prepareFiling(input: string, options: PrepareOptions = {}): PrepareResult {
  const read = readDescription(input, options.fileName);
  if (!read.ok) {
    const issue = makeIssue('PREP_DESCRIPTION_UNREADABLE', { format: read.format.toUpperCase(), detail: read.detail }, []);
    return { ok: false, record: null, xml: null, issues: [issue] };
  }
  const preparer = new Preparer();
  const record = preparer.prepare(read.tree, options);
  if (!record) return { ok: false, record: null, xml: null, issues: preparer.issues };
  const written = writeOwnership(record, { schemaVersion: null });
  // A missing value the description was already told about is not reported twice.
  const told = new Set(preparer.issues.filter((i) => i.code === 'PREP_REQUIRED_MISSING').map((i) => JSON.stringify(i.path)));
  const fromWriter = written.issues.filter((i) => !(i.code === 'WRITE_REQUIRED_MISSING' && told.has(JSON.stringify(descriptionPath(i.path ?? [])))));
  const issues = [...preparer.issues, ...fromWriter];
  return { ok: !issues.some((i) => i.severity === 'error'), record, xml: written.xml, issues };
}
