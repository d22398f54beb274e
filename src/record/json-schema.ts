// The published JSON Schema files, generated from the zod schemas (never edited by hand):
// schema/ownership-record.schema.json and schema/parse-result.schema.json.
import { z } from 'zod';
import { OwnershipRecord, ParseResult } from './schema.ts';

export function jsonSchemas(): Record<string, object> {
  return {
    'ownership-record.schema.json': { title: 'form4 ownership record', ...z.toJSONSchema(OwnershipRecord, { target: 'draft-2020-12' }) },
    'parse-result.schema.json': { title: 'form4 parse result', ...z.toJSONSchema(ParseResult, { target: 'draft-2020-12' }) },
  };
}

export function jsonSchemaText(schema: object): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
