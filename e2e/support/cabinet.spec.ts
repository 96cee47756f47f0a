import { test } from "@playwright/test";
import { isRefusedFrom, opensOwnCabinet, othersOf } from "../helpers/role-suite";
import { sessionFile } from "../helpers/run";

test.use({ storageState: sessionFile("support") });

test("support opens /support", opensOwnCabinet("support"));

for (const other of othersOf("support")) {
  test(`support is refused from ${other.path} with 403`, isRefusedFrom("support", other));
}
