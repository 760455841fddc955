// Which server owns a job, for a bridge with several: learnt when a job is
// started or listed through the bridge, so that get_job, get_job_results,
// dismiss_job and the result resources need only the job id. Bounded: the
// oldest entries go first; a forgotten job is found again by asking each server.
const MAX_JOBS = 10_000;

export class JobOwners {
  private readonly owners = new Map<string, string>();

  remember(jobId: string, server: string): void {
    this.owners.delete(jobId);
    this.owners.set(jobId, server);
    if (this.owners.size > MAX_JOBS) this.owners.delete(this.owners.keys().next().value as string);
  }

  ownerOf(jobId: string): string | undefined {
    return this.owners.get(jobId);
  }
}
