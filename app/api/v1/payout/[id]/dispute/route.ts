import { disputeOrderRoute } from "@/lib/api/dispute-order-handler";

export const POST = disputeOrderRoute("payout");
