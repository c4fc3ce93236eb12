export { startTtlReaper, TtlReapError, TtlReaperStoppedError } from './reaper';
export type { TtlReaper, TtlReaperOptions, TtlTable } from './reaper';
export { ttlVerdict } from './expiry';
export type { TtlVerdict } from './expiry';
export { parseDuration, DurationError } from './duration';
export { createTtlAdminRoute, isLoopbackAddress, TTL_ADVANCE_PATH } from './admin-route';
