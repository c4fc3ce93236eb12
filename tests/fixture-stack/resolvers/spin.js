// Never finishes: 10^12 iterations of nested loops, which only the CPU budget can stop.
export function request() {
  const values = Array(1000000).fill(1);
  let total = 0;
  for (const outer of values) {
    for (const inner of values) total += outer * inner;
  }
  return { payload: total };
}

export function response(ctx) {
  return ctx.result;
}
