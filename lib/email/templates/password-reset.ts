import { button, emailDocument, paragraph, textDocument } from "../layout";
import type { RenderedEmail } from "./types";

export interface PasswordResetData {
  name: string | null;
  url: string;
  expiresInMinutes: number;
}

export function renderPasswordReset(data: PasswordResetData): RenderedEmail {
  const title = "Reset your password";
  const greeting = data.name ? `Hello ${data.name},` : "Hello,";
  const body = `Someone asked to reset the password of your JivaPay account. The link works once, for ${data.expiresInMinutes} minutes.`;
  const ignore = "If it was not you, ignore this email: your password stays as it is.";
  const footer = "You received this email because a password reset was requested for your address.";
  return {
    subject: "Reset your JivaPay password",
    html: emailDocument({ title, blocks: [paragraph(greeting), paragraph(body), button("Choose a new password", data.url), paragraph(ignore)], footer }),
    text: textDocument({ title, lines: [greeting, "", body, "", `Choose a new password: ${data.url}`, "", ignore], footer }),
  };
}
