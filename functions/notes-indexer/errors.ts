/** A stream record whose note cannot be indexed (a missing or mistyped field). */
export class MalformedNoteRecordError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MalformedNoteRecordError';
  }
}
