import { test } from "@playwright/test";
import { isRefusedFrom, opensOwnCabinet, othersOf } from "../helpers/role-suite";
import { sessionFile } from "../helpers/run";

test.use({ storageState: sessionFile("merchant") });

test("merchant opens /merchant", opensOwnCabinet("merchant"));

for (const other of othersOf("merchant")) {
  test(`merchant is refused from ${other.path} with 403`, isRefusedFrom("merchant", other));
}
