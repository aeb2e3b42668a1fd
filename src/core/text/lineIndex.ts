import { firstIndex } from '../util/firstIndex';

/** Offsets ↔ (line, character) for a text, as editors count them: lines end at \n, \r\n or \r. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10) this.starts.push(i + 1);
    }
  }

  position(offset: number): { line: number; character: number } {
    const line = Math.max(0, firstIndex(this.starts.length, (i) => this.starts[i] > offset) - 1);
    return { line, character: offset - this.starts[line] };
  }
}
