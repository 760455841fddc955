// Colour for a terminal only, and never when NO_COLOR is set (no-color.org).

export interface Style {
  readonly color: boolean;
  bold(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
}

export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Style {
  const color = stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
  const paint = (code: number, reset: number) => (text: string) => (color ? `\x1b[${code}m${text}\x1b[${reset}m` : text);
  return { color, bold: paint(1, 22), red: paint(31, 39), green: paint(32, 39), yellow: paint(33, 39), dim: paint(2, 22) };
}

/** A job status in its colour: green done, red failed or dismissed, yellow on its way. */
export function paintStatus(style: Style, status: string): string {
  if (status === 'successful') return style.green(status);
  if (status === 'failed' || status === 'dismissed') return style.red(status);
  return style.yellow(status);
}
