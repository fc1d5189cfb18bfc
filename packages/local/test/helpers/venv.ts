// Finds the repo's Python venv (.venv-emulator) by walking up from this file.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function findVenvBin(name: string): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, '.venv-emulator', 'bin', name);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir)
      throw new Error(`.venv-emulator/bin/${name} not found above ${import.meta.dirname}`);
  }
}
