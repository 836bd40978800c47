/** The operations of the app's own OpenAPI document, read at test time so that new routes are fuzzed too. */

export interface Operation {
  method: string;
  /** The path template, e.g. `/api/dossiers/{id}`. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Top-level property names of the JSON request body schema (empty without a body). */
  bodyProperties: string[];
  hasJsonBody: boolean;
}

interface SchemaLike {
  $ref?: string;
  properties?: Record<string, unknown>;
  allOf?: SchemaLike[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content?: Record<string, { schema?: SchemaLike }> } }>>;
  components?: { schemas?: Record<string, SchemaLike> };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export function operationsOf(document: OpenApiDocument): Operation[] {
  const resolve = (schema: SchemaLike | undefined): SchemaLike | undefined =>
    schema?.$ref ? document.components?.schemas?.[schema.$ref.split('/').pop()!] : schema;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const parameters = operation.parameters ?? [];
      const schema = resolve(operation.requestBody?.content?.['application/json']?.schema);
      const properties = { ...schema?.properties, ...Object.assign({}, ...(schema?.allOf ?? []).map((part) => resolve(part)?.properties ?? {})) };
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        bodyProperties: Object.keys(properties),
        hasJsonBody: operation.requestBody?.content?.['application/json'] !== undefined,
      });
    }
  }
  return operations;
}

/** The path with each `{param}` replaced (values are percent-encoded unless `raw`). */
export function fillPath(path: string, values: Record<string, string>, raw = false): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name] ?? 'khong-co-ma-nay';
    return raw ? value : encodeURIComponent(value);
  });
}
