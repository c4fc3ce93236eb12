// NONE: the request's payload is the result.
export function request(ctx) {
  return { payload: { message: ctx.args.message, via: 'none' } };
}

export function response(ctx) {
  return ctx.result;
}
