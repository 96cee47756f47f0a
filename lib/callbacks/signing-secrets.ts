export interface StoreWebhookSecrets {
  webhookSecret: string;
  webhookSecretPrevious: string | null;
  webhookSecretRotatedAt: Date | null;
}

const HOUR_MS = 3600_000;

/**
 * The secrets a callback is signed with at `now`: the current one, plus the previous one
 * while the rotation is younger than `overlapHours` (callbacks.secret_rotation_overlap_hours),
 * so a merchant who has not yet switched keeps verifying.
 */
export function signingSecrets(store: StoreWebhookSecrets, now: Date, overlapHours: number): string[] {
  const { webhookSecret, webhookSecretPrevious: previous, webhookSecretRotatedAt: rotatedAt } = store;
  if (!previous || !rotatedAt || now.getTime() - rotatedAt.getTime() >= overlapHours * HOUR_MS) return [webhookSecret];
  return [webhookSecret, previous];
}
