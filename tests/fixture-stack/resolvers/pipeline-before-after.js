// The pipeline resolver: starts the stash and returns the last function's result with it.
export function request(ctx) {
  ctx.stash.steps = ['before'];
  return {};
}

export function response(ctx) {
  return { value: ctx.prev.result, steps: [...ctx.stash.steps, 'after'] };
}
