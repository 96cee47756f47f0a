import { test } from "@playwright/test";
import { isRefusedFrom, opensOwnCabinet, othersOf } from "../helpers/role-suite";
import { sessionFile } from "../helpers/run";

test.use({ storageState: sessionFile("teamlead") });

test("teamlead opens /teamlead", opensOwnCabinet("teamlead"));

for (const other of othersOf("teamlead")) {
  test(`teamlead is refused from ${other.path} with 403`, isRefusedFrom("teamlead", other));
}
