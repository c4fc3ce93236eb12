import { ConfigurationError } from './errors';

/** The value of a required environment variable; ConfigurationError names the one that is missing. */
export function requiredEnv(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new ConfigurationError(`The environment variable ${name} is not set.`);
  return value;
}
