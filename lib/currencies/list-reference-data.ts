import "server-only";
import { prisma } from "@/lib/db/client";

export async function listCurrencies() {
  const rows = await prisma.currency.findMany({ where: { isActive: true }, orderBy: { code: "asc" } });
  return rows.map((c) => ({ code: c.code, name: c.name, kind: c.kind, exponent: c.exponent }));
}

export async function listPaymentMethods() {
  const [methods, banks] = await Promise.all([
    prisma.paymentMethod.findMany({ where: { isActive: true }, orderBy: { code: "asc" } }),
    prisma.bank.findMany({ where: { isActive: true }, orderBy: { code: "asc" } }),
  ]);
  return {
    payment_methods: methods.map((m) => ({ code: m.code, name: m.name })),
    banks: banks.map((b) => ({ code: b.code, name: b.name, country: b.country })),
  };
}
