import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';
import { referenceFile } from './reference';

/*
 * Checks responses of the embedded REST API (v2) against Camunda's own
 * OpenAPI document, read in place from the workspace's reference folder:
 * the status must be one the operation declares (or an error answered with
 * a problem document), the media type must match, and the body must satisfy
 * the schema (`$ref`s resolved, OpenAPI 3.0 `nullable` honoured) and carry no
 * property the schema does not declare.
 */

const DOCUMENT_ID = 'camunda-openapi.json';
const PROBLEM_SCHEMA = '#/components/schemas/ProblemDetail';

type Json = Record<string, unknown>;

interface Operation {
  template: string;
  matcher: RegExp;
  methods: Record<string, Json>;
}

export interface ConformanceResponse {
  method: string;
  /** The request URL, e.g. `/v2/user-tasks/123?truncateValues=false`. */
  url: string;
  status: number;
  contentType: string | undefined;
  /** The raw body text. */
  body: string;
}

export interface OpenApiConformance {
  /** Every problem with a response; empty when it conforms. */
  check(response: ConformanceResponse): string[];
  /** How many responses were checked, by `METHOD template status`. */
  checked: Map<string, number>;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function operationsOf(document: Json): Operation[] {
  const paths = isObject(document.paths) ? document.paths : {};
  return Object.entries(paths).map(([template, item]) => {
    const pattern = template
      .split('/')
      .map((part) =>
        /^\{.+\}$/.test(part)
          ? '[^/]+'
          : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/');
    return {
      template,
      matcher: new RegExp(`^${pattern}$`),
      methods: isObject(item) ? (item as Record<string, Json>) : {},
    };
  });
}

/** Follows a local `$ref` (`#/a/b`) inside the document. */
function resolve(document: Json, value: unknown): unknown {
  if (!isObject(value) || typeof value.$ref !== 'string') return value;
  const pointer = value.$ref.replace(/^#\//, '').split('/');
  let target: unknown = document;
  for (const raw of pointer) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    target = isObject(target) ? target[segment] : undefined;
  }
  return resolve(document, target);
}

/**
 * Property names a schema allows, following `$ref`, `allOf`, `oneOf` and
 * `anyOf`; `open` when it accepts any property (`additionalProperties`).
 */
function declaredProperties(
  document: Json,
  schema: unknown,
  seen = new Set<unknown>(),
): { names: Map<string, unknown[]>; open: boolean } {
  const names = new Map<string, unknown[]>();
  let open = false;
  const visit = (node: unknown) => {
    const resolved = resolve(document, node);
    if (!isObject(resolved) || seen.has(resolved)) return;
    seen.add(resolved);
    if (
      resolved.additionalProperties === true ||
      isObject(resolved.additionalProperties)
    )
      open = true;
    if (isObject(resolved.properties)) {
      for (const [name, sub] of Object.entries(resolved.properties)) {
        names.set(name, [...(names.get(name) ?? []), sub]);
      }
    }
    for (const key of ['allOf', 'oneOf', 'anyOf']) {
      const list = resolved[key];
      if (Array.isArray(list)) list.forEach(visit);
    }
  };
  visit(schema);
  return { names, open };
}

/** Paths of properties in `data` that the schema does not declare. */
function undeclared(
  document: Json,
  schema: unknown,
  data: unknown,
  path: string,
): string[] {
  const resolved = resolve(document, schema);
  if (Array.isArray(data)) {
    const items = isObject(resolved) ? resolved.items : undefined;
    if (items === undefined) return [];
    return data.flatMap((item, i) =>
      undeclared(document, items, item, `${path}[${i}]`),
    );
  }
  if (!isObject(data)) return [];
  const { names, open } = declaredProperties(document, resolved);
  if (open) return [];
  return Object.entries(data).flatMap(([name, value]) => {
    const schemas = names.get(name);
    if (!schemas) return [`${path}.${name}`];
    // Check nested values against the first declaration that describes them.
    return undeclared(document, schemas[0], value, `${path}.${name}`);
  });
}

function createAjv(document: Json): Ajv {
  // Camunda's document carries OpenAPI keywords (example, discriminator,
  // x-*) that are not JSON Schema; strict mode would refuse them.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // RFC 9457 defines `type` and `instance` as URI references, and Camunda's
  // own example (`/v2/jobs/activation`) is a relative one.
  ajv.addFormat('uri', (value: string) => {
    try {
      new URL(value, 'http://reference.invalid');
      return true;
    } catch {
      return false;
    }
  });
  ajv.addFormat('base64', /^[A-Za-z0-9+/]*={0,2}$/);
  // The remaining formats name semantic types (UserTaskKey, TenantId...);
  // the schemas spell their rules out as patterns, which are checked.
  const text = JSON.stringify(document);
  for (const [, format] of text.matchAll(/"format":"([^"]+)"/g)) {
    if (format && !ajv.formats[format]) ajv.addFormat(format, true);
  }
  ajv.addSchema(document, DOCUMENT_ID);
  return ajv;
}

/**
 * Loads Camunda's OpenAPI document from the reference folder. Undefined on a
 * clone without it (reference.ts warns why, and fails under CI).
 */
export function loadOpenApiConformance(): OpenApiConformance | undefined {
  const reference = referenceFile(
    'camunda-api/orchestration-cluster-api-8.8.yaml',
    'the REST API (v2) conformance checks',
  );
  if (!reference.available) return undefined;
  const document = load(readFileSync(reference.path, 'utf8')) as Json;
  const ajv = createAjv(document);
  const operations = operationsOf(document);
  const validators = new Map<string, ValidateFunction>();
  const checked = new Map<string, number>();

  const validatorFor = (pointer: string) => {
    let validate = validators.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
      validators.set(pointer, validate);
    }
    return validate;
  };

  /**
   * The JSON pointer of the schema a response must satisfy, or the reason
   * it cannot satisfy any (an empty reason: nothing more to check).
   */
  const schemaFor = (
    response: ConformanceResponse,
    where: string,
    operation: Operation | undefined,
  ): { pointer: string } | { problems: string[] } => {
    const method = response.method.toLowerCase();
    const status = String(response.status);
    const mediaType = (response.contentType ?? '').split(';')[0]?.trim() ?? '';
    const responses = operation?.methods[method]?.responses;
    const entry = isObject(responses) ? responses[status] : undefined;
    const declared = resolve(document, entry);
    if (!isObject(declared)) {
      // Errors an operation does not list (401/403 on some, unknown paths)
      // are still problem documents.
      if (response.status >= 400 && mediaType === 'application/problem+json')
        return { pointer: PROBLEM_SCHEMA };
      return { problems: [`${where}: status not declared by the operation`] };
    }
    const content = isObject(declared.content) ? declared.content : {};
    if (Object.keys(content).length === 0) {
      return {
        problems:
          response.body === ''
            ? []
            : [
                `${where}: declares no body but got ${response.body.slice(0, 80)}`,
              ],
      };
    }
    if (!isObject(content[mediaType])) {
      return {
        problems: [
          `${where}: media type '${mediaType}' is not one of ${Object.keys(content).join(', ')}`,
        ],
      };
    }
    // A response given by reference lives under components/responses.
    const base =
      isObject(entry) && typeof entry.$ref === 'string'
        ? entry.$ref.replace(/^#/, '')
        : `/paths/${escapePointer(operation?.template ?? '')}/${method}/responses/${status}`;
    return { pointer: `#${base}/content/${escapePointer(mediaType)}/schema` };
  };

  const check = (response: ConformanceResponse): string[] => {
    const method = response.method.toLowerCase();
    const path = (response.url.split('?')[0] ?? '').replace(/^\/v2/, '');
    const operation = operations.find(
      (candidate) => candidate.matcher.test(path) && candidate.methods[method],
    );
    const where = `${response.method} ${operation?.template ?? path} ${String(response.status)}`;
    checked.set(where, (checked.get(where) ?? 0) + 1);
    const target = schemaFor(response, where, operation);
    if ('problems' in target) return target.problems;

    let data: unknown;
    try {
      data = JSON.parse(response.body);
    } catch {
      return [`${where}: body is not JSON: ${response.body.slice(0, 80)}`];
    }
    const validate = validatorFor(target.pointer);
    const errors = validate(data)
      ? []
      : (validate.errors ?? []).map(
          (error) =>
            `${where}: ${error.instancePath || '(body)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
        );
    const schema = resolve(document, { $ref: target.pointer });
    const extra = undeclared(document, schema, data, '(body)').map(
      (property) => `${where}: ${property} is not declared by the schema`,
    );
    return [...errors, ...extra];
  };

  return { check, checked };
}
