import { util } from '@aws-appsync/utils';
import type { CreateSpaceInput } from '../__generated__/schema-types';

export const SPACE_NAME_MAX = 100;
export const SPACE_DESCRIPTION_MAX = 500;

/** A validated CreateSpaceInput: the name trimmed, a blank description left out. */
export type SpaceInput = { name: string; description?: string };

/** Checks createSpace's input; raises a ValidationError that names the field. */
export function spaceInput(input: CreateSpaceInput): SpaceInput {
  const name = input.name.trim();
  if (name.length < 1 || name.length > SPACE_NAME_MAX) {
    util.error(`name must be 1 to ${SPACE_NAME_MAX} characters (received ${name.length} after trimming).`, 'ValidationError');
  }
  const description = input.description ? input.description.trim() : '';
  if (description.length > SPACE_DESCRIPTION_MAX) {
    util.error(
      `description must be at most ${SPACE_DESCRIPTION_MAX} characters (received ${description.length} after trimming).`,
      'ValidationError',
    );
  }
  return description === '' ? { name } : { name, description };
}
