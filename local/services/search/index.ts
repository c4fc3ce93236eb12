export { startSearchService } from './service';
export type { SearchService, SearchServiceOptions } from './service';
export { SnapshotReadError } from './snapshot';
export { EMULATED_VERSION } from './actions/cluster-info';
