/** What an admin server action answers: a message for a toast, and on refusal the fields to fix. */
export type ActionResult = { ok: true; message: string } | { ok: false; message: string; fieldErrors: Record<string, string> };

export type AdminAction = () => Promise<ActionResult>;
