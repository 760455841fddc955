// Questions on a terminal: a line with a default, a hidden one for secrets,
// and yes/no. Questions go to stderr, so that stdout keeps only documents.
import { createInterface } from 'node:readline';

export interface Asker {
  ask(question: string, fallback?: string): Promise<string>;
  askSecret(question: string, hasValue: boolean): Promise<string | undefined>;
  close(): void;
}

export function createAsker(input: NodeJS.ReadStream, output: NodeJS.WriteStream): Asker {
  let muted = false;
  const rl = createInterface({ input, output, terminal: true });
  // While a secret is typed, nothing of it is echoed.
  const internal = rl as unknown as { _writeToOutput: (text: string) => void };
  const write = internal._writeToOutput.bind(rl);
  internal._writeToOutput = (text: string) => {
    if (!muted || text.includes('\n') || text.includes('\r')) write(muted ? '' : text);
  };
  const question = (q: string) => new Promise<string>((resolve) => rl.question(q, resolve));
  return {
    async ask(q, fallback) {
      const answer = (await question(`${q}${fallback ? ` [${fallback}]` : ''}: `)).trim();
      return answer === '' ? (fallback ?? '') : answer;
    },
    async askSecret(q, hasValue) {
      output.write(`${q}${hasValue ? ' [keep the stored one]' : ''}: `);
      muted = true;
      try {
        const answer = await question('');
        output.write('\n');
        return answer === '' ? undefined : answer;
      } finally {
        muted = false;
      }
    },
    close: () => rl.close(),
  };
}

export type YesNo = 'yes' | 'no' | 'stop';

/** Asks a yes/no question: 'yes' for y/yes, 'stop' when Ctrl+C is pressed again, 'no' otherwise (or on cancel()). */
export function askYesNo(input: NodeJS.ReadStream, output: NodeJS.WriteStream, question: string): { answer: Promise<YesNo>; cancel(): void } {
  const rl = createInterface({ input, output, terminal: input.isTTY === true });
  let settle: (value: YesNo) => void = () => {};
  const answer = new Promise<YesNo>((resolve) => {
    let done = false;
    settle = (value) => {
      if (done) return;
      done = true;
      resolve(value);
      rl.close();
    };
    rl.on('SIGINT', () => {
      output.write('\n');
      settle('stop');
    });
    rl.on('close', () => settle('no'));
    rl.question(question, (text) => settle(/^y(es)?$/i.test(text.trim()) ? 'yes' : 'no'));
  });
  return { answer, cancel: () => settle('no') };
}
