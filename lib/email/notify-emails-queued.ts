import "server-only";
import { emit } from "@/lib/jobs/emit";
import { emailQueued } from "@/lib/jobs/email-events";

/** After the transaction that queued them commits: lets Inngest send these emails right away. */
export async function notifyEmailsQueued(ids: (bigint | null)[]): Promise<void> {
  const queued = ids.filter((id): id is bigint => id !== null);
  await emit(queued.map((id) => emailQueued.create({ id: id.toString() }, { id: `email-queued-${id}` })));
}
