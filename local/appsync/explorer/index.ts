export { createExplorerHandler } from './explorer-handler';
export type { ExplorerHandler, ExplorerHandlerOptions } from './explorer-handler';
export { buildExplorerAssets } from './build-explorer-assets';
export type { ExplorerAssets } from './build-explorer-assets';
export type { ExplorerConfig, ExplorerDemoUser, ExplorerSettings, ExplorerUserPool } from './explorer-config';
export { ExplorerBuildError } from './errors';
