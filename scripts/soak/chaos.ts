// The crashes: each instance is SIGKILLed at least once mid-run (once per 90 s of run, at
// random times within evenly spread slots, the instances taking turns) and started again on
// the same port after a pause. One at a time: the next kill waits until the last victim
// serves again, so the merchants always have an instance to retry on, as behind a balancer.
import { random } from "./random";
import { sleep, type AppInstance } from "./processes";

export interface KillEvent {
  instance: string;
  /** Seconds into the run. */
  at: number;
  /** From SIGKILL until /api/health answered again. */
  downMs: number;
}

/** Kill times (seconds into the run), alternating over the instances, within 15 %–80 % of it. */
export function killSchedule(instances: readonly AppInstance[], seconds: number): { instance: AppInstance; at: number }[] {
  const perInstance = Math.max(1, Math.floor(seconds / 90));
  const total = perInstance * instances.length;
  return Array.from({ length: total }, (_, i) => ({
    instance: instances[i % instances.length],
    at: seconds * (0.15 + (0.65 * (i + 0.1 + 0.8 * random())) / total),
  }));
}

export async function runChaos(instances: readonly AppInstance[], seconds: number, startedAt: number, stopping: () => boolean): Promise<KillEvent[]> {
  const events: KillEvent[] = [];
  for (const { instance, at } of killSchedule(instances, seconds)) {
    while (!stopping() && Date.now() < startedAt + at * 1000) await sleep(100);
    if (stopping()) break;
    const killedAt = Date.now();
    await instance.kill();
    console.log(`  ${((killedAt - startedAt) / 1000).toFixed(1)} s: SIGKILL ${instance.name}`);
    await sleep(500 + random() * 1_500);
    await instance.restart();
    const downMs = Date.now() - killedAt;
    console.log(`  ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${instance.name} serves again (down ${(downMs / 1000).toFixed(1)} s)`);
    events.push({ instance: instance.name, at: (killedAt - startedAt) / 1000, downMs });
  }
  return events;
}
