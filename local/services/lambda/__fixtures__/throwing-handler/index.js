// Fails after an await, so the error's stack holds only this file's frame.
'use strict';

class NoteNotFoundError extends Error {
  constructor(id) {
    super(`Note ${id} does not exist`);
    this.name = 'NoteNotFoundError';
  }
}

module.exports.handler = async (event) => {
  await null;
  throw new NoteNotFoundError(event.id);
};
