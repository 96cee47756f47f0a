import { button, emailDocument, paragraph, textDocument } from "../layout";
import type { RenderedEmail } from "./types";

export interface InvitationData {
  name: string | null;
  role: string;
  invitedBy: string;
  url: string;
  expiresInHours: number;
}

export function renderInvitation(data: InvitationData): RenderedEmail {
  const title = "You are invited to JivaPay";
  const greeting = data.name ? `Hello ${data.name},` : "Hello,";
  const body = `${data.invitedBy} created a JivaPay ${data.role} account for you. Choose a password to activate it; the link works once, for ${data.expiresInHours} hours.`;
  const footer = "You received this email because a JivaPay administrator invited your address.";
  return {
    subject: "Your JivaPay account is ready: choose a password",
    html: emailDocument({ title, blocks: [paragraph(greeting), paragraph(body), button("Choose a password", data.url)], footer }),
    text: textDocument({ title, lines: [greeting, "", body, "", `Choose a password: ${data.url}`], footer }),
  };
}
