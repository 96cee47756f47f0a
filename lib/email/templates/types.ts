/** What a template produces; enqueueEmail stores all three on the outbox row. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}
