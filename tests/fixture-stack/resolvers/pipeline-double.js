// Pipeline function 1: doubles the argument.
export function request(ctx) {
  ctx.stash.steps.push('double');
  return { payload: ctx.args.value * 2 };
}

export function response(ctx) {
  return ctx.result;
}
