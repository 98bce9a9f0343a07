/**
 * OpenAPI: /openapi/v3 (root index + per group-version documents) good enough for kubectl's
 * server-side field-validation probe, `kubectl explain`, and patch-type detection; /openapi/v2
 * answers protobuf requests with an empty (valid) document, so kubectl skips client-side validation.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { ApiError } from '../types';
import type { Registry } from './registry';
import { sendJson } from '../server/respond';
import { buildGroupVersionDoc } from './openapiDocs';

export class OpenApi {
  private cache = new Map<string, { generation: number; body: string; hash: string }>();

  constructor(private registry: Registry, private crdSchemas: (group: string, version: string, kind: string) => unknown) {}

  private doc(gvPath: string): { body: string; hash: string } | undefined {
    const hit = this.cache.get(gvPath);
    if (hit && hit.generation === this.registry.generation) return hit;
    const [kind, ...rest] = gvPath.split('/');
    let group = '';
    let version: string;
    if (kind === 'api') version = rest[0];
    else {
      group = rest[0];
      version = rest[1];
    }
    const types = this.registry.all().filter((r) => r.group === group && r.version === version);
    if (!types.length) return undefined;
    const body = JSON.stringify(buildGroupVersionDoc(group, version, types, this.crdSchemas));
    const entry = { generation: this.registry.generation, body, hash: createHash('sha512').update(body).digest('hex').slice(0, 128).toUpperCase() };
    this.cache.set(gvPath, entry);
    return entry;
  }

  serve(req: IncomingMessage, res: ServerResponse, path: string): void {
    const accept = req.headers.accept ?? '';
    if (path === '/openapi/v2' || path === '/swagger-2.0.0.pb-v1') {
      if (accept.includes('protobuf') && !/json|\*\/\*/.test(accept)) {
        // kubectl only reads v2 as protobuf (client-side validation fallback, used for kinds the
        // v3 documents do not describe). An empty Document is valid protobuf: kubectl then finds
        // no schema for the kind and skips client-side validation, as it does for unknown kinds.
        res.writeHead(200, { 'Content-Type': 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf', 'Content-Length': 0 });
        res.end();
        return;
      }
      // A JSON Swagger 2.0 with the same definitions as v3 (sufficient for tools that read JSON).
      sendJson(res, 200, { swagger: '2.0', info: { title: 'Kubernetes', version: 'v1.32.4' }, paths: {}, definitions: {} });
      return;
    }
    if (accept.includes('protobuf') && !/json|\*\/\*/.test(accept)) {
      throw new ApiError(406, 'NotAcceptable', 'only the following media types are accepted: application/json');
    }
    if (path === '/openapi/v3') {
      const paths: Record<string, { serverRelativeURL: string }> = {};
      for (const gv of this.registry.groupVersions()) {
        const p = gv.group ? `apis/${gv.group}/${gv.version}` : `api/${gv.version}`;
        const d = this.doc(p);
        if (d) paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${d.hash}` };
      }
      sendJson(res, 200, { paths });
      return;
    }
    const d = this.doc(path.slice('/openapi/v3/'.length));
    if (!d) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('404 page not found\n');
      return;
    }
    sendJson(res, 200, d.body, { Etag: `"${d.hash}"`, 'Cache-Control': 'public, immutable' });
  }
}
