import { permissionLayout } from "../permission-layout";

export default permissionLayout("mail.read");
