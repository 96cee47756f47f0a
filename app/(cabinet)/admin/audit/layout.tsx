import { permissionLayout } from "../permission-layout";

export default permissionLayout("audit.read");
