import { InvalidInputError } from '../shared/errors';

/** AppSync's BatchInvoke sends one payload per field being resolved: `{ userId }` each. */
export function userIdsOf(event: unknown): string[] {
  if (!Array.isArray(event)) throw new InvalidInputError('Expected a BatchInvoke event: an array of { userId } payloads.');
  return event.map((payload: unknown, index) => {
    const userId = typeof payload === 'object' && payload !== null ? (payload as { userId?: unknown }).userId : undefined;
    if (typeof userId !== 'string' || userId === '') throw new InvalidInputError(`Payload ${index} has no userId string.`);
    return userId;
  });
}
