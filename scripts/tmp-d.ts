import { extract, setDefaultNameDetector } from '../src/core/extract';
import { loadDefaultNameDetector } from '../src/cli/nameModel';
async function main() {
  setDefaultNameDetector(await loadDefaultNameDetector());
  for (const t of process.argv.slice(2)) for (const s of extract(t, { published: '2026-02-12' }).spans) if (s.type === 'DATE') console.log(JSON.stringify(t.slice(0, 40)), '→', JSON.stringify(s.text), s.value);
}
main();
