/**
 * A failure injected just before a transaction commits, for the adversarial simulator
 * (lib/simulator): it proves that a transaction failing at its very end leaves nothing behind.
 * Unset (always, outside the simulator) it costs one comparison per transaction.
 */
export class InjectedFault extends Error {
  constructor() {
    super("Injected fault before commit");
    this.name = "InjectedFault";
  }
}

let fault: (() => boolean) | null = null;

/** Sets (or with null clears) the decision whether the transaction about to commit fails. */
export function setTransactionFault(decide: (() => boolean) | null): void {
  fault = decide;
}

/** Called inside every transaction after its work: throws when the injected decision says so. */
export function maybeInjectFault(): void {
  if (fault?.()) throw new InjectedFault();
}
