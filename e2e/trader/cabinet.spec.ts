import { test } from "@playwright/test";
import { isRefusedFrom, opensOwnCabinet, othersOf } from "../helpers/role-suite";
import { sessionFile } from "../helpers/run";

test.use({ storageState: sessionFile("trader") });

test("trader opens /trader", opensOwnCabinet("trader"));

for (const other of othersOf("trader")) {
  test(`trader is refused from ${other.path} with 403`, isRefusedFrom("trader", other));
}
