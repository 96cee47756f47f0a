import { permissionLayout } from "../permission-layout";

export default permissionLayout("users.manage");
