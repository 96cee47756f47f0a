import { permissionLayout } from "../permission-layout";

export default permissionLayout("traders.manage");
