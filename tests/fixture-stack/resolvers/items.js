// NONE: one item per id, whose `detail` is resolved in batches.
export function request(ctx) {
  return { payload: ctx.args.ids.map((id) => ({ id })) };
}

export function response(ctx) {
  return ctx.result;
}
