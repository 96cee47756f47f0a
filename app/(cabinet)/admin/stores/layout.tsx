import { permissionLayout } from "../permission-layout";

export default permissionLayout("stores.manage");
