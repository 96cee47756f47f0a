import { permissionLayout } from "../permission-layout";

export default permissionLayout("rates.manage");
