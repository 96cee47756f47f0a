import { observedRoute } from "@/lib/api/observe-request";
import { actionRefusal, type ActionResult } from "@/lib/web/action";
import { requestActor } from "@/lib/web/request-actor";
import { merchantOrRefusal } from "@/lib/web/merchant-route";
import { openMerchantDispute } from "@/lib/disputes/open-merchant-dispute";
import { EVIDENCE_MAX_FILES } from "@/lib/disputes/limits";
import { formatFileSize } from "@/lib/files/file-types";
import { readSettings } from "@/lib/settings/read-settings";
import { getTranslator } from "@/lib/web/locale";

export const dynamic = "force-dynamic";

/**
 * All evidence files at the receipts.max_bytes cap, plus room for the reason and multipart
 * framing, but never more than proxy.ts lets through whole (proxyClientMaxBodySize in
 * next.config.mjs: a longer body would reach this route cut short).
 */
const PROXY_BODY_LIMIT = 40 * 1024 * 1024;
const maxBodyBytes = (maxFileBytes: number) => Math.min(EVIDENCE_MAX_FILES * maxFileBytes + 256 * 1024, PROXY_BODY_LIMIT);

/**
 * The order page's "Open dispute" form (multipart: reason + evidence files). A route handler
 * rather than a server action because evidence may exceed a server action's 1 MB body limit.
 * Answers the form's ActionResult as JSON.
 */
export const POST = observedRoute("/api/cabinet/merchant/orders/{id}/dispute", async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user, refusal } = await merchantOrRefusal();
  if (refusal) return refusal;
  const { t } = await getTranslator();
  const answer = (result: ActionResult, status = 200) => Response.json(result, { status });

  const maxFileBytes = (await readSettings())["receipts.max_bytes"];
  if (Number(request.headers.get("content-length") ?? 0) > maxBodyBytes(maxFileBytes)) {
    return answer({ ok: false, fieldErrors: { evidence: t("merchant.errors.evidenceTooLarge", { count: EVIDENCE_MAX_FILES, size: formatFileSize(maxFileBytes) }) } }, 413);
  }
  const form = await request.formData().catch(() => null);
  if (!form) return answer({ ok: false, message: t("merchant.errors.invalidValue") }, 400);
  const reason = String(form.get("reason") ?? "");
  if (!reason.trim()) return answer({ ok: false, fieldErrors: { reason: t("merchant.errors.reasonRequired") } }, 422);
  const files = form.getAll("evidence").filter((entry): entry is File => entry instanceof File && entry.size > 0);
  // The browser's type is a guess from the name; the stored type comes from the bytes (lib/files).
  const evidence = await Promise.all(files.map(async (file) => ({ fileName: file.name, data: Buffer.from(await file.arrayBuffer()) })));

  try {
    await openMerchantDispute(user.id, { orderId: (await params).id, reason, evidence }, await requestActor(user));
    return answer({ ok: true });
  } catch (error) {
    const result = actionRefusal(error, t, { scope: "merchant" });
    // Evidence errors name the file's field (evidence.0.content); the form shows them on the file input.
    if (!result.ok && result.message && /^evidence\./.test(String((error as { param?: string }).param))) {
      return answer({ ok: false, fieldErrors: { evidence: result.message } }, 422);
    }
    return answer(result, 422);
  }
});
