import { cancelOrderRoute } from "@/lib/api/cancel-order-route";

export const POST = cancelOrderRoute("payin");
