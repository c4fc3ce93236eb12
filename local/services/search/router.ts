// Method + path → action, with the query parameters each action understands. Anything else is a
// 400 that names what the local service does not serve.
import { bulk } from './actions/bulk';
import { clusterHealth } from './actions/cluster-health';
import { clusterInfo } from './actions/cluster-info';
import { createIndex } from './actions/create-index';
import { deleteDocument } from './actions/delete-document';
import { deleteIndex } from './actions/delete-index';
import { getDocument } from './actions/get-document';
import { getMapping } from './actions/get-mapping';
import { indexDocument } from './actions/index-document';
import { indexExists } from './actions/index-exists';
import { refresh } from './actions/refresh';
import { search } from './actions/search';
import { updateDocument } from './actions/update-document';
import { badRequest, unsupported } from './errors';
import type { Action } from './request';

interface Route {
  readonly methods: readonly string[];
  /** Segments; `{index}` and `{id}` capture. */
  readonly pattern: readonly string[];
  readonly action: Action;
  readonly params: readonly string[];
}

/** Parameters that only shape the response text; accepted everywhere and ignored. */
const FORMAT_PARAMS = ['pretty', 'human', 'error_trace'];
const WRITE_PARAMS = ['refresh', 'timeout'];

export function buildRoutes(clusterUuid: string): readonly Route[] {
  const route = (methods: string[], path: string, action: Action, params: string[] = []): Route => ({ methods, pattern: path.split('/').filter(Boolean), action, params });
  return [
    route(['GET', 'HEAD'], '/', clusterInfo(clusterUuid)),
    route(['GET'], '/_cluster/health', clusterHealth, ['wait_for_status', 'timeout', 'local', 'master_timeout', 'cluster_manager_timeout']),
    route(['POST', 'PUT'], '/_bulk', bulk, WRITE_PARAMS),
    route(['POST', 'GET'], '/_refresh', refresh),
    route(['PUT'], '/{index}', createIndex, ['timeout', 'master_timeout', 'cluster_manager_timeout', 'wait_for_active_shards']),
    route(['HEAD'], '/{index}', indexExists),
    route(['DELETE'], '/{index}', deleteIndex, ['timeout', 'master_timeout', 'cluster_manager_timeout']),
    route(['GET'], '/{index}/_mapping', getMapping),
    route(['POST', 'GET'], '/{index}/_refresh', refresh),
    route(['POST', 'PUT'], '/{index}/_bulk', bulk, WRITE_PARAMS),
    route(['GET', 'POST'], '/{index}/_search', search, ['size', 'from', 'track_total_hits', 'timeout']),
    route(['POST'], '/{index}/_doc', indexDocument('index'), [...WRITE_PARAMS, 'op_type']),
    route(['PUT', 'POST'], '/{index}/_doc/{id}', indexDocument('index'), [...WRITE_PARAMS, 'op_type']),
    route(['PUT', 'POST'], '/{index}/_create/{id}', indexDocument('create'), WRITE_PARAMS),
    route(['GET'], '/{index}/_doc/{id}', getDocument, ['_source', 'realtime']),
    route(['DELETE'], '/{index}/_doc/{id}', deleteDocument, WRITE_PARAMS),
    route(['POST'], '/{index}/_update/{id}', updateDocument, [...WRITE_PARAMS, 'retry_on_conflict']),
  ];
}

function match(route: Route, segments: readonly string[]): Record<string, string> | undefined {
  if (route.pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i += 1) {
    const part = route.pattern[i];
    if (part === '{index}' || part === '{id}') {
      // An index name never starts with `_`: `/_cat` is an API, not an index.
      if (part === '{index}' && segments[i].startsWith('_')) return undefined;
      params[part.slice(1, -1)] = segments[i];
    } else if (part !== segments[i]) {
      return undefined;
    }
  }
  return params;
}

export interface RouteMatch {
  readonly action: Action;
  readonly params: Readonly<Record<string, string>>;
}

export function findRoute(routes: readonly Route[], method: string, pathname: string, query: URLSearchParams): RouteMatch {
  const segments = pathname.split('/').filter(Boolean).map((segment) => decodeURIComponent(segment));
  let pathMatched = false;
  for (const route of routes) {
    const params = match(route, segments);
    if (!params) continue;
    pathMatched = true;
    if (!route.methods.includes(method)) continue;
    for (const name of query.keys()) {
      if (!route.params.includes(name) && !FORMAT_PARAMS.includes(name)) throw unsupported(`parameter [${name}] of [${method} ${pathname}]`);
    }
    if (query.get('realtime') === 'false') throw unsupported('realtime=false');
    return { action: route.action, params };
  }
  if (pathMatched) throw badRequest(`Incorrect HTTP method for uri [${pathname}] and method [${method}], allowed: [${routes.filter((route) => match(route, segments)).flatMap((route) => route.methods).join(', ')}]`);
  throw unsupported(`[${method} ${pathname}]`);
}
