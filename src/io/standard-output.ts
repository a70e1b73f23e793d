/**
 * stdout redirected to a file (`wirecopy stats --json > facts.json`) is written with every byte
 * checked. Node's own stream for a file ignores a short write, so on a full disk the file was
 * silently cut and the command still exited 0; now it is the DiskFull error (the file cannot be
 * made whole: the shell opened it, not wirecopy). Pipes and terminals keep Node's stream.
 */
import { fstatSync, readlinkSync } from 'node:fs';
import { writeAllSync } from './atomic-write.ts';
import { diskFullError, isDiskFull } from './disk-full.ts';

/** A line printer for `fd`: checked writes when it is a regular file, else `otherwise`. */
export function standardOutput(fd: number, otherwise: (line: string) => void): (line: string) => void {
  if (!isRegularFile(fd)) return otherwise;
  return (line) => {
    try {
      writeAllSync(fd, Buffer.from(`${line}\n`, 'utf8'), outputPath(fd));
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      throw diskFullError(outputPath(fd), error, {
        what: 'the output file',
        kept: 'What reached it is incomplete: delete it, and run the command again.',
      });
    }
  };
}

function isRegularFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}

/** The file's path where the system tells it (Linux), for the message; else the descriptor. */
function outputPath(fd: number): string {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return `(file descriptor ${fd})`;
  }
}
