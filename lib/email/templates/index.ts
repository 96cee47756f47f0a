import { renderCallbacksFailing } from "./callbacks-failing";
import { renderDailySummary } from "./daily-summary";
import { renderInvitation } from "./invitation";
import { renderPasswordReset } from "./password-reset";
import type { RenderedEmail } from "./types";

export type { RenderedEmail } from "./types";

/** Every email the platform sends, by the name stored in email_outbox.template. */
export const EMAIL_TEMPLATES = {
  password_reset: renderPasswordReset,
  invitation: renderInvitation,
  callbacks_failing: renderCallbacksFailing,
  daily_summary: renderDailySummary,
} as const satisfies Record<string, (data: never) => RenderedEmail>;

export type EmailTemplate = keyof typeof EMAIL_TEMPLATES;
export type EmailTemplateData<T extends EmailTemplate> = Parameters<(typeof EMAIL_TEMPLATES)[T]>[0];

export function renderEmail<T extends EmailTemplate>(template: T, data: EmailTemplateData<T>): RenderedEmail {
  return (EMAIL_TEMPLATES[template] as (data: EmailTemplateData<T>) => RenderedEmail)(data);
}
