import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findPublicationDate } from '../src/core/extract/dates';
import { loadTempEval } from './eval/tempeval';
const out: string[] = [];
function walk(d: string) { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else if (/\.(txt|md)$/.test(f)) { const r = findPublicationDate(readFileSync(p, 'utf8'), { name: p }); out.push(`${p}\t${r ? r.iso + ' ' + r.source : '-'}`); } } }
walk('test/fixtures'); walk('samples');
for (const d of loadTempEval()!) { const r = findPublicationDate(d.text); out.push(`${d.id}\t${r ? r.iso + ' ' + r.source : '-'}`); }
console.log(out.join('\n'));
