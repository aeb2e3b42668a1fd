/** The `SidecarStore` port on Node's file system, with atomic writes. */
import { promises as fs } from 'node:fs';
import { SidecarStore } from '../core/sidecar/sidecarStore';
import { atomicWrite } from './atomicWrite';

export class FileSidecarStore implements SidecarStore {
  async read(path: string): Promise<string | undefined> {
    try {
      return await fs.readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async write(path: string, text: string): Promise<void> {
    await atomicWrite(path, text);
  }
}
