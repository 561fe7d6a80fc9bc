import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ShieldCheck } from "lucide-react";
import { getLoginPageInfo } from "@/server/auth/login-page-info";
import { getCurrentUser } from "@/server/auth/session";
import { LoginForm } from "@/components/auth/login-form";
import { loginErrorKey } from "@/components/auth/login-errors";
import { safeCallbackUrl } from "@/components/auth/safe-callback-url";
import { LocaleSwitch } from "@/components/i18n/locale-switch";
import { ThemeToggle } from "@/components/theme/theme-toggle";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("metaTitle") };
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (await getCurrentUser()) redirect(callbackUrl);

  const [info, t] = await Promise.all([getLoginPageInfo(), getTranslations()]);
  const errorCode = first(params.error);

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-end gap-2 px-4 py-3">
        <LocaleSwitch target="cookie" />
        <ThemeToggle />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-4 pb-16 sm:items-center sm:pt-0">
        <div className="w-full max-w-md">
          <div className="mb-6 flex flex-col items-center gap-2 text-center">
            <ShieldCheck aria-hidden="true" className="size-12 text-link" />
            <p className="text-2xl font-bold tracking-tight">
              {t("app.name")}{" "}
              <span lang="ja" className="text-lg font-medium text-muted-foreground">
                監視
              </span>
            </p>
            <p className="text-sm text-muted-foreground">{t("app.tagline")}</p>
          </div>
          <div className="rounded-xl border border-border bg-card p-6 shadow-sm sm:p-8">
            <h1 className="mb-6 text-xl font-semibold">{t("login.title")}</h1>
            <LoginForm
              callbackUrl={callbackUrl}
              initialError={errorCode ? loginErrorKey(errorCode) : null}
              demoUsers={info.demoUsers}
              demoPassword={info.demoPassword}
              sso={info.sso}
            />
          </div>
        </div>
      </main>
    </div>
  );
}
