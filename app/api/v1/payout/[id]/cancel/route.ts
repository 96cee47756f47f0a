import { cancelOrderRoute } from "@/lib/api/cancel-order-handler";

export const POST = cancelOrderRoute("payout");
