// The OpenAPI 3.1 document of the API, generated from the route table and its zod
// schemas (JSON Schema 2020-12, which OpenAPI 3.1 uses as is).
import { z } from 'zod';
import { ErrorBody } from './api-error.ts';
import type { Route } from './routes.ts';

type JsonSchema = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: 'a parameter or the body is invalid',
  401: 'no valid bearer token',
  403: 'writing is not enabled on this server',
  404: 'not found',
  413: 'the body is larger than the server accepts',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** Hono's `/api/filings/:id` as OpenAPI's `/api/filings/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

function parameters(route: Route): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      const { description, ...schemaOnly } = property;
      const parameter: JsonSchema = { name, in: where, required: where === 'path' || (object.required ?? []).includes(name), schema: schemaOnly };
      if (description !== undefined) parameter.description = description;
      // Lists are written comma-separated: ?code=P,S
      if (schemaOnly.type === 'array') Object.assign(parameter, { style: 'form', explode: false });
      out.push(parameter);
    }
  }
  return out;
}

export function openApiDocument(routes: readonly Route[], version: string): JsonSchema {
  const schemas: Record<string, JsonSchema> = { Error: jsonSchema(ErrorBody, 'output') };
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const errorResponse = (status: number) => ({
    description: STATUS_TEXT[status] ?? 'error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  for (const route of routes) {
    const responses: Record<string, JsonSchema> = {};
    if ('schema' in route.response) {
      schemas[route.response.name] ??= jsonSchema(route.response.schema, 'output');
      responses[String(route.response.status ?? 200)] = {
        description: route.summary,
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${route.response.name}` } } },
      };
    } else {
      responses['200'] = { description: route.response.description, content: { [route.response.contentType]: { schema: { type: 'string', format: 'binary' } } } };
    }
    for (const status of [400, ...route.errors]) responses[String(status)] = errorResponse(status);
    const operation: JsonSchema = {
      operationId: `${route.method}${openApiPath(route.path).replace(/[^A-Za-z0-9]+(\w)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      tags: [route.tag],
      summary: route.summary,
      description: route.description,
      parameters: parameters(route),
      responses,
    };
    if (route.body) {
      operation.requestBody = {
        required: true,
        description: route.body.description,
        content: {
          'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
          'text/plain': { schema: { type: 'string' } },
          'application/xml': { schema: { type: 'string' } },
          'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } },
        },
      };
    }
    if (route.write) operation.security = [{ bearer: [] }];
    (paths[openApiPath(route.path)] ??= {})[route.method] = operation;
  }
  paths['/api/openapi.json'] = {
    get: {
      operationId: 'getApiOpenapiJson',
      tags: ['meta'],
      summary: 'This document',
      description: 'The OpenAPI 3.1 description of every endpoint and parameter.',
      parameters: [],
      responses: { '200': { description: 'the OpenAPI document', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'form4',
      version,
      description:
        'SEC insider filings (Forms 3, 4, 5 and amendments) from a form4 store. Lists are paged with limit and offset and carry the total. ' +
        'Rows are current (an amendment replaces the tables it restates) unless asFiled=true. Errors are JSON: {"error": {"code", "message", "details"}}.',
    },
    paths,
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the token given to form4 serve --write-token (or FORM4_WRITE_TOKEN)' } },
    },
  };
}
