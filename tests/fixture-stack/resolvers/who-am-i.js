// NONE: the caller's identity, as AWSJSON.
export function request(ctx) {
  return { payload: JSON.stringify(ctx.identity) };
}

export function response(ctx) {
  return ctx.result;
}
