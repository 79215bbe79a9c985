// CPU time of one thread, for the benchmarks: what the Workers CPU limit counts is the time the isolate's thread runs,
// not the process (V8 compiles and collects garbage on helper threads too), and not the wall clock (this machine is
// shared: a thread waiting for a core is not using CPU).
//
// Linux keeps each thread's on-CPU time in nanoseconds (/proc/<pid>/task/<tid>/schedstat, first field). The kernel
// brings a running thread's figure up to date only at a scheduler tick (every 4 ms here) or when the thread stops
// running; a thread that is not running has an exact figure. So: another process's thread is read while it is idle
// (workerd between requests), and this thread makes itself stop for 20 µs (a futex wait) just before reading its own.
// Each reading then costs about 0.06 ms of this thread's CPU, the same every time (measured once: `overheadMs`).
// Elsewhere (no /proc) the whole process's CPU time is used, and `method` says so.
import { existsSync, readFileSync } from 'node:fs';

const SELF = '/proc/thread-self/schedstat';
export const HAS_THREAD_CPU = process.platform === 'linux' && existsSync(SELF);

const parked = new Int32Array(new SharedArrayBuffer(4));
const nsOf = (file: string): number => Number(readFileSync(file, 'utf8').split(' ', 1)[0]);

/** This thread's CPU time so far, in milliseconds (the whole process's where threads cannot be read). */
export function threadCpuMs(): number {
  if (!HAS_THREAD_CPU) {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
  Atomics.wait(parked, 0, 0, 0.02);
  return nsOf(SELF) / 1e6;
}

/** What threadCpuMs measures, for a benchmark's header line. */
export const method = HAS_THREAD_CPU
  ? 'main-thread CPU time (Linux per-thread schedstat)'
  : 'process CPU time (process.cpuUsage: this system has no per-thread CPU times)';

/** The CPU time one pair of readings adds to a measurement (median of 21), to subtract from short ones. */
export function overheadMs(): number {
  const xs: number[] = [];
  for (let i = 0; i < 21; i++) {
    const a = threadCpuMs();
    xs.push(threadCpuMs() - a);
  }
  return xs.sort((a, b) => a - b)[10];
}

/** CPU milliseconds of thread `tid` of process `pid` (exact when that thread is idle); NaN when it cannot be read. */
export function otherThreadCpuMs(pid: number, tid: number = pid): number {
  try {
    return nsOf(`/proc/${pid}/task/${tid}/schedstat`) / 1e6;
  } catch {
    return NaN;
  }
}

/** true when thread `tid` of `pid` is not running (sleeping in its event loop). */
export function threadIdle(pid: number, tid: number = pid): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    // the state follows the command name, which is in parentheses and may hold spaces
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'S' || state === 'I';
  } catch {
    return false;
  }
}
