import { test } from "@playwright/test";
import { isRefusedFrom, opensOwnCabinet, othersOf } from "../helpers/role-suite";
import { sessionFile } from "../helpers/run";

test.use({ storageState: sessionFile("admin") });

test("admin opens /admin", opensOwnCabinet("admin"));

for (const other of othersOf("admin")) {
  test(`admin is refused from ${other.path} with 403`, isRefusedFrom("admin", other));
}
