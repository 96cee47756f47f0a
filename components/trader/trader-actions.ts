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
  /**
   * "Upload receipt" posts the file as multipart to /api/cabinet/trader/payouts/{id}/receipt (a route, not
   * an action: an action's body is capped at 1 MB); the dialog checks it first against this limit
   * (the receipts.max_bytes setting).
   */
  payoutReceipt: { maxBytes: number };
}

/** What the requisites table does with one requisite. */
export interface RequisiteActions {
  setStatus: (requisiteId: number, active: boolean) => Promise<ActionResult<{ changed: boolean }>>;
  updateLimits: (requisiteId: number, form: RequisiteLimitsForm) => Promise<ActionResult<{ changed: boolean }>>;
}

export type AddRequisiteAction = (form: NewRequisiteForm) => Promise<ActionResult<{ id: number }>>;
export type CreateApiTokenAction = (name: string) => Promise<ActionResult<{ token: string }>>;
export type RevokeApiTokenAction = (tokenId: number) => Promise<ActionResult<{ changed: boolean }>>;
