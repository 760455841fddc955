export interface BenchContext {
  quick: boolean;
  /** Progress lines (stderr): the table alone goes to stdout. */
  log(message: string): void;
}

/** The full figure, or the smaller one under --quick. */
export const pick = <T>(ctx: BenchContext, full: T, quick: T): T => (ctx.quick ? quick : full);
