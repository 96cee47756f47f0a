import "server-only";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { Role } from "@/lib/auth/roles";
import type { FileLocation } from "@/lib/files/open-stored-file";

/** Who asks for a receipt's bytes: the signed-in user as lib/web/session.ts reads them. */
export interface ReceiptViewer {
  id: number;
  role: Role;
  /** A trader's profile (null for other roles). */
  traderId: number | null;
  /** Support's receipts.read permission (other roles: ignored). */
  mayReadReceipts: boolean;
}

export interface ViewableReceipt extends FileLocation {
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/**
 * A receipt's metadata and where its bytes are, for someone who may see its order: the order's
 * trader, the owner of its store, support with receipts.read, or an admin — each checked against
 * the database now (an active account of that role), not only the session. Anyone else, and an
 * unknown id, gets the same 404 receipt_not_found, so ids reveal nothing.
 */
export async function getViewableReceipt(viewer: ReceiptViewer, receiptId: number): Promise<ViewableReceipt> {
  const receipt = await prisma.receipt.findUnique({
    where: { id: receiptId },
    select: {
      fileName: true,
      contentType: true,
      sizeBytes: true,
      data: true,
      storageDriver: true,
      storageKey: true,
      order: { select: { traderId: true, store: { select: { userId: true } } } },
    },
  });
  if (!receipt || !(await mayView(viewer, receipt.order))) throw new DomainError("receipt_not_found", `No receipt ${receiptId}.`, { param: "id" });
  const { order: _order, ...file } = receipt;
  return file;
}

async function mayView(viewer: ReceiptViewer, order: { traderId: number | null; store: { userId: number } }): Promise<boolean> {
  const active = { id: viewer.id, isActive: true, role: { name: viewer.role } };
  switch (viewer.role) {
    case "merchant":
      return order.store.userId === viewer.id && (await prisma.user.count({ where: active })) === 1;
    case "trader":
      return (
        viewer.traderId !== null &&
        order.traderId === viewer.traderId &&
        (await prisma.trader.count({ where: { id: viewer.traderId, isActive: true, user: active } })) === 1
      );
    case "support":
      return viewer.mayReadReceipts && (await prisma.support.count({ where: { user: active } })) === 1;
    case "admin":
      return (await prisma.admin.count({ where: { user: active } })) === 1;
    default:
      return false;
  }
}
