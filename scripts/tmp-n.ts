import { extract, setDefaultNameDetector } from '../src/core/extract';
import { loadDefaultNameDetector } from '../src/cli/nameModel';
async function main() {
  setDefaultNameDetector(await loadDefaultNameDetector());
  for (const t of process.argv.slice(2)) console.log(JSON.stringify(t.slice(0, 60)), '→', extract(t, { published: '2026-02-12' }).spans.map((s) => `${s.type}:${s.text}${s.value != null ? '=' + s.value : ''}${s.reason ? ' (' + s.reason + ')' : ''}`).join(' | '));
}
main();
