import type { ActionResult } from "@/lib/web/action";
import type { NewRequisiteForm, RequisiteLimitsForm } from "@/lib/requisites/requisite-schema";

// The trader cabinet's server actions, as its pages pass them to these components (each action
// checks the trader and scopes every read and write by their profile again).

/** What the live queue's cards do with an order. */
export interface QueueActions {
  confirmPayin: (orderId: string) => Promise<ActionResult<{ status: string }>>;
  acceptPayout: (orderId: string) => Promise<ActionResult<{ status: string }>>;
  declinePayout: (orderId: string) => Promise<ActionResult<{ status: string }>>;
  releasePayout: (orderId: string, reason: string) => Promise<ActionResult<{ status: string }>>;
  /** The form carries "orderId" and the "receipt" file. */
  markPayoutPaid: (form: FormData) => Promise<ActionResult<{ status: string }>>;
}

/** What the requisites table does with one requisite. */
export interface RequisiteActions {
  setStatus: (requisiteId: number, active: boolean) => Promise<ActionResult<{ changed: boolean }>>;
  updateLimits: (requisiteId: number, form: RequisiteLimitsForm) => Promise<ActionResult<{ changed: boolean }>>;
}

export type AddRequisiteAction = (form: NewRequisiteForm) => Promise<ActionResult<{ id: number }>>;
export type CreateApiTokenAction = (name: string) => Promise<ActionResult<{ token: string }>>;
export type RevokeApiTokenAction = (tokenId: number) => Promise<ActionResult<{ changed: boolean }>>;
