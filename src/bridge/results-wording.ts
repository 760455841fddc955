// Phrases shared by the notes about outputs not shown whole.

/** Where a withheld or cut output can be read, or why it cannot. */
export function readFrom(uri: string | undefined, whole = ''): string {
  return uri !== undefined
    ? `read it${whole} from ${uri}`
    : 'it cannot be read through this bridge because the job has no id';
}

/** Where the job's whole results can be read, or why they cannot. */
export function readAllFrom(uri: string | undefined): string {
  return uri !== undefined
    ? `read them from ${uri}`
    : 'they cannot be read through this bridge because the job has no id';
}
