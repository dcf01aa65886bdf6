/**
 * Every response an e2e test receives from an app of `startApp`, checked against the OpenAPI document
 * that app serves: an undocumented status, another content type or a body off its schema fails the
 * file (at `close()`, in its afterAll). The hook copies what was sent; validators are compiled once per
 * (operation, status) and cached across the files of a worker.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

interface Seen {
  method: string;
  route: string;
  status: number;
  contentType: string;
  body: string | undefined;
}

interface MediaType {
  schema?: Record<string, unknown>;
}
interface ApiDocument {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, MediaType> }> }>
  >;
  components?: Record<string, unknown>;
}

/** Records what the app answers; `check()` validates it all against the app's own document. */
export function recordResponses(app: NestFastifyApplication): { check(): Promise<void> } {
  const seen: Seen[] = [];
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions?.url;
    // Only the routes the document describes; HEAD and CORS preflights are Fastify's, not the API's.
    if (!route || request.method === 'HEAD' || request.method === 'OPTIONS') return payload;
    seen.push({
      method: request.method.toLowerCase(),
      route: route.replace(/:([A-Za-z0-9_]+)/g, '{$1}'),
      status: reply.statusCode,
      contentType: String(reply.getHeader('content-type') ?? ''),
      body:
        typeof payload === 'string'
          ? payload
          : Buffer.isBuffer(payload)
            ? payload.toString('utf8')
            : undefined,
    });
    return payload;
  });
  return {
    async check() {
      if (seen.length === 0) return;
      const res = await fastify.inject({ method: 'GET', url: '/docs/json' });
      const problems = offContract(JSON.parse(res.body) as ApiDocument, seen.splice(0));
      if (problems.length > 0)
        throw new Error(`Responses off the OpenAPI document:\n  ${problems.slice(0, 30).join('\n  ')}`);
    },
  };
}

const validators = new Map<string, ValidateFunction>();
let compiledFor: string | undefined;
let ajv: Ajv;

function offContract(doc: ApiDocument, seen: Seen[]): string[] {
  const docText = JSON.stringify(doc);
  if (compiledFor !== docText) {
    ajv = new Ajv({ strict: false, allErrors: false });
    addFormats(ajv);
    ajv.addSchema({ $id: 'openapi.json', components: doc.components }, 'openapi.json');
    validators.clear();
    compiledFor = docText;
  }
  const problems = new Set<string>();
  for (const s of seen) {
    const where = `${s.method.toUpperCase()} ${s.route} ${s.status}`;
    const operation = doc.paths[s.route]?.[s.method];
    if (!operation) {
      // Routes outside the document (the document itself, its UI) are not the API's.
      if (s.route.startsWith('/v1') || s.route.startsWith('/health'))
        problems.add(`${where}: route not in the document`);
      continue;
    }
    const response = operation.responses?.[String(s.status)];
    if (!response) {
      problems.add(`${where}: status not documented (${s.body?.slice(0, 200)})`);
      continue;
    }
    const mediaTypes = Object.keys(response.content ?? {});
    if (mediaTypes.length === 0) {
      if (s.body) problems.add(`${where}: documented without a body, answered ${s.body.slice(0, 200)}`);
      continue;
    }
    const mediaType = mediaTypes.find((m) => s.contentType.split(';')[0].trim() === m);
    if (!mediaType) {
      problems.add(`${where}: content type ${s.contentType || 'none'}, documented ${mediaTypes.join(', ')}`);
      continue;
    }
    const schema = response.content![mediaType].schema;
    if (!schema || mediaType !== 'application/json') continue;
    if (s.body === undefined || s.body === '') {
      problems.add(`${where}: documented with a body, answered none`);
      continue;
    }
    const key = `${where} ${mediaType}`;
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile(rebase(schema) as object);
      validators.set(key, validate);
    }
    if (!validate(JSON.parse(s.body)))
      problems.add(`${where}: ${ajv.errorsText(validate.errors)} in ${s.body.slice(0, 300)}`);
  }
  return [...problems];
}

/** Local `#/components/...` references, pointed at the components registered as `openapi.json`. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `openapi.json${v}` : rebase(v),
    ]),
  );
}
