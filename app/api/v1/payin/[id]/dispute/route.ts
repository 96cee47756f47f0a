import { disputeOrderRoute } from "@/lib/api/dispute-order-route";

export const POST = disputeOrderRoute("payin");
