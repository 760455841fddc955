import { callOverhead } from './sections/overhead.js';
import { renderTable } from './lib/table.js';
const rows = await callOverhead({ quick: process.argv.includes('--quick'), log: (m) => process.stderr.write(m + '\n') });
console.log(renderTable(rows));
