import { RemovalPolicy } from 'aws-cdk-lib';
import { FieldLogLevel } from 'aws-cdk-lib/aws-appsync';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** The deployment stages Outpost knows. */
export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

/** Everything that differs between stages, resolved once from CDK context. */
export interface StageConfig {
  readonly stage: Stage;
  /** dev: DESTROY, so a throwaway stack leaves nothing behind; prod: RETAIN, so data outlives the stack. */
  readonly removalPolicy: RemovalPolicy;
  /** GraphQL introspection: on in dev for the explorer, off in prod. */
  readonly introspection: boolean;
  /** AppSync field logs: everything in dev, errors only in prod (ALL logs request data). */
  readonly fieldLogLevel: FieldLogLevel;
  /** How long the API logs are kept: a week in dev, six months in prod. */
  readonly logRetention: RetentionDays;
  /** Days of inactivity after which a user's data expires (DynamoDB TTL on Users.expiresAt). */
  readonly inactiveUserTtlDays: number;
  /** The OpenSearch domain and the notes indexer; without them searchNotes answers SearchNotEnabled. */
  readonly searchDomain: boolean;
}

/** Raw context values, as `cdk -c key=value` or cdk.json give them (strings from the CLI). */
export interface StageContext {
  readonly stage?: unknown;
  readonly inactiveUserTtlDays?: unknown;
  readonly searchDomain?: unknown;
}

export const DEFAULT_STAGE: Stage = 'dev';
export const DEFAULT_INACTIVE_USER_TTL_DAYS = 180;
export const DEFAULT_SEARCH_DOMAIN = true;
const MAX_INACTIVE_USER_TTL_DAYS = 3650;

/** A stage setting that cannot be used; the message names what was received and what is expected. */
export class StageConfigError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StageConfigError';
  }
}

/** Validates the context and returns the stage configuration; throws StageConfigError on bad input. */
export function resolveStageConfig(context: StageContext): StageConfig {
  const stage = parseStage(context.stage);
  return {
    stage,
    removalPolicy: stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    introspection: stage !== 'prod',
    fieldLogLevel: stage === 'prod' ? FieldLogLevel.ERROR : FieldLogLevel.ALL,
    logRetention: stage === 'prod' ? RetentionDays.SIX_MONTHS : RetentionDays.ONE_WEEK,
    inactiveUserTtlDays: parseTtlDays(context.inactiveUserTtlDays),
    searchDomain: parseSearchDomain(context.searchDomain),
  };
}

function parseStage(value: unknown): Stage {
  if (value === undefined) return DEFAULT_STAGE;
  const match = STAGES.find((stage) => stage === value);
  if (match === undefined) {
    throw new StageConfigError(
      `Invalid stage ${JSON.stringify(value)}: expected one of ${STAGES.join(', ')} (pass -c stage=dev or -c stage=prod).`,
    );
  }
  return match;
}

function parseTtlDays(value: unknown): number {
  if (value === undefined) return DEFAULT_INACTIVE_USER_TTL_DAYS;
  // The CLI passes context as strings; cdk.json may hold a number.
  const days = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_INACTIVE_USER_TTL_DAYS) {
    throw new StageConfigError(
      `Invalid inactiveUserTtlDays ${JSON.stringify(value)}: expected a whole number of days from 1 to ${MAX_INACTIVE_USER_TTL_DAYS}.`,
    );
  }
  return days;
}

function parseSearchDomain(value: unknown): boolean {
  if (value === undefined) return DEFAULT_SEARCH_DOMAIN;
  // The CLI passes context as strings; cdk.json may hold a boolean.
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new StageConfigError(`Invalid searchDomain ${JSON.stringify(value)}: expected true or false (pass -c searchDomain=true or -c searchDomain=false).`);
}
