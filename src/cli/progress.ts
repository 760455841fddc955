// A job followed by execute-process --wait, shown on stderr: a live bar with
// the server's message on a terminal, one plain line per change otherwise.
import type { StatusInfo } from '../ogc/index.js';
import { paintStatus, type Style } from './style.js';

export interface ProgressDisplay {
  update(job: StatusInfo): void;
  /** Stops drawing (while a question is asked) until resume(). */
  pause(): void;
  resume(): void;
  /** The final line. */
  finish(job: StatusInfo): void;
}

const BAR_WIDTH = 24;

export function progressDisplay(stream: NodeJS.WriteStream, style: Style): ProgressDisplay {
  const live = stream.isTTY === true;
  const started = Date.now();
  let last: StatusInfo | undefined;
  let paused = false;
  let drawn = false;
  let lastLine = '';

  const text = (job: StatusInfo) => {
    const progress = typeof job.progress === 'number' ? Math.max(0, Math.min(100, Math.round(job.progress))) : undefined;
    const message = typeof job.message === 'string' && job.message !== '' ? job.message.replace(/\s+/g, ' ') : '';
    return { progress, message };
  };
  const draw = () => {
    if (!last || paused) return;
    const { progress, message } = text(last);
    const filled = Math.round(((progress ?? 0) / 100) * BAR_WIDTH);
    const bar = `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]`;
    let line = `${bar} ${progress === undefined ? '  ?' : String(progress).padStart(3)}% ${paintStatus(style, last.status)} ${last.jobID}${message ? `: ${message}` : ''}`;
    const columns = stream.columns ?? 80;
    // Colour codes take no room: cut the plain text only when there is no colour.
    if (!style.color && line.length > columns - 1) line = `${line.slice(0, columns - 2)}…`;
    stream.write(`\r\x1b[2K${line}`);
    drawn = true;
  };
  const clear = () => {
    if (live && drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };

  return {
    update(job) {
      last = job;
      if (live) {
        draw();
        return;
      }
      const { progress, message } = text(job);
      const line = `${job.jobID}: ${job.status}${progress !== undefined ? ` ${progress}%` : ''}${message ? ` - ${message}` : ''}\n`;
      if (line !== lastLine) stream.write(line);
      lastLine = line;
    },
    pause() {
      paused = true;
      clear();
    },
    resume() {
      paused = false;
      draw();
    },
    finish(job) {
      clear();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const { message } = text(job);
      stream.write(`${job.jobID}: ${paintStatus(style, job.status)} after ${seconds} s${message ? ` - ${message}` : ''}\n`);
    },
  };
}
