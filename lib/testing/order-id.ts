export { newOrderId, orderIdTime, ORDER_ID_PREFIX, type OrderKind } from "@/lib/ids/ulid";
