// The facts a reader needs to weigh the figures.
import os from 'node:os';

export interface MachineFacts {
  node: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  platform: string;
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  loadAtStart: number;
}

export function machineFacts(): MachineFacts {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAtStart: os.loadavg()[0] ?? Number.NaN,
  };
}

export function describeMachine(m: MachineFacts, loadAtEnd: number): string {
  return (
    `Node ${m.node}, ${m.cpus} CPU(s): ${m.cpuModel}, ${m.memoryGb} GB RAM, ${m.platform}; ` +
    `load average ${m.loadAtStart.toFixed(2)} at start, ${loadAtEnd.toFixed(2)} at end`
  );
}
