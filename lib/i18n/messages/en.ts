/**
 * English messages: the source of every key. Each area keeps its strings in its own file under
 * en/ (and the same file under ru/, which the compiler checks against this shape). `{name}` is
 * a placeholder and `{count, plural, one {…} other {…}}` picks a plural form (../translate.ts).
 */
import { shared } from "./en/shared";
import { trader } from "./en/trader";
import { merchant } from "./en/merchant";
import { admin } from "./en/admin";
import { support } from "./en/support";
import { teamlead } from "./en/teamlead";
import { forceOrder } from "./en/force-order";
import { errors } from "./en/errors";
import { account } from "./en/account";
import { pay } from "./en/pay";

export const en = { ...shared, trader, merchant, admin, support, teamlead, forceOrder, errors, account, pay };

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every locale's messages must have. */
export type Messages = Widen<typeof en>;
