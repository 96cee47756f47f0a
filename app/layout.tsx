import type { Metadata, Viewport } from "next";
import { cloneElement, type ReactNode } from "react";
import { headers } from "next/headers";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { Providers } from "@/components/providers";
import { ZodJitless } from "@/components/security/zod-jitless";
import { ThemeScript } from "@/components/theme/theme-script";
import { getLocale } from "@/lib/web/locale";
import { MESSAGES } from "@/lib/i18n/messages";
import { NONCE_HEADER } from "@/lib/web/security-headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "JivaPay", template: "%s · JivaPay" },
  description: "P2P payment gateway: merchant, trader, teamlead, support and admin cabinets.",
  icons: { icon: "/icon.svg" },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#1c1c1c" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  // The Content-Security-Policy (proxy.ts) runs only scripts with this request's nonce; Next.js
  // adds it to its own scripts, the inline theme script gets it here.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    // The theme script changes the class before hydration; that difference is expected.
    <html lang={locale} className={`${GeistSans.variable} ${GeistMono.variable}`} suppressHydrationWarning>
      <head>
        {cloneElement(ThemeScript(), { nonce })}
      </head>
      <body className="min-h-dvh font-sans">
        <ZodJitless />
        <Providers locale={locale} messages={MESSAGES[locale]}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
