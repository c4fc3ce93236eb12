// `npm run bench [name]`: runs every bench/**/*.bench.ts, or those whose path contains `name`.
// Each bench file exports `run()`, which measures and prints its own figures.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

interface BenchModule {
  run(): void | Promise<void>;
}

function benchFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return benchFiles(full);
      return entry.name.endsWith('.bench.ts') ? [full] : [];
    })
    .sort();
}

async function main(filter: string | undefined): Promise<number> {
  const files = benchFiles(__dirname).filter((file) => !filter || path.relative(__dirname, file).includes(filter));
  if (files.length === 0) {
    console.error(`No benchmark matches ${JSON.stringify(filter)}.`);
    return 2;
  }
  for (const file of files) {
    console.log(`\n## ${path.relative(path.join(__dirname, '..'), file)}`);
    const bench = (await import(file)) as BenchModule;
    await bench.run();
  }
  return 0;
}

main(process.argv[2]).then((code) => {
  process.exitCode = code;
});
