// Pipeline function 2: adds one to what function 1 returned.
export function request(ctx) {
  ctx.stash.steps.push('increment');
  return { payload: ctx.prev.result + 1 };
}

export function response(ctx) {
  return ctx.result;
}
