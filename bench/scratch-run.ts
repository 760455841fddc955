import { renderTable } from './lib/table.js';
const name = process.argv[2]!;
const mod = await import(`./sections/${name}.js`);
const fn = Object.values(mod).find((v) => typeof v === 'function') as any;
const rows = await fn({ quick: process.argv.includes('--quick'), log: (m: string) => process.stderr.write(m + '\n') });
console.log(renderTable(rows));
