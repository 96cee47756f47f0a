import type { Messages } from "./en";
import { shared } from "./ru/shared";
import { trader } from "./ru/trader";
import { merchant } from "./ru/merchant";
import { admin } from "./ru/admin";
import { support } from "./ru/support";
import { teamlead } from "./ru/teamlead";
import { forceOrder } from "./ru/force-order";
import { errors } from "./ru/errors";
import { account } from "./ru/account";
import { pay } from "./ru/pay";

export const ru: Messages = { ...shared, trader, merchant, admin, support, teamlead, forceOrder, errors, account, pay };
