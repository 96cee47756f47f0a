import { permissionLayout } from "../permission-layout";

export default permissionLayout("withdrawals.approve");
