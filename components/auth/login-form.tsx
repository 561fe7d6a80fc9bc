"use client";

import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { KeyRound, LogIn } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";
import { DemoUsers, type DemoUser } from "./demo-users";
import { loginErrorKey, type LoginErrorKey } from "./login-errors";

export interface LoginFormProps {
  /** Already checked to be a same-site path. */
  callbackUrl: string;
  /** From the ?error= query (session ended, SSO failure …). */
  initialError: LoginErrorKey | null;
  demoUsers: DemoUser[];
  demoPassword: string | null;
  sso: { id: "oidc"; name: string } | null;
}

export function LoginForm({ callbackUrl, initialError, demoUsers, demoPassword, sso }: LoginFormProps) {
  const t = useTranslations("login");
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<LoginErrorKey | null>(initialError);
  const [pending, setPending] = useState<"credentials" | "sso" | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setPending("credentials");
    try {
      const result = await signIn<"credentials">("credentials", { email, password, redirect: false, callbackUrl });
      if (result?.ok && !result.error) {
        // Stay "pending" while the console loads.
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      const key = loginErrorKey(result?.error, result?.status);
      setError(key);
      if (key === "credentials") {
        setPassword("");
        passwordRef.current?.focus();
      }
    } catch {
      // A throttling proxy may answer with a non-JSON body: signIn() then throws.
      setError("generic");
    }
    setPending(null);
  }

  async function onSso() {
    if (!sso) return;
    setError(null);
    setPending("sso");
    try {
      await signIn(sso.id, { callbackUrl });
    } catch {
      setError("generic");
      setPending(null);
    }
  }

  function onPickDemoUser(user: DemoUser) {
    setEmail(user.email);
    setPassword(demoPassword ?? "");
    setError(null);
  }

  return (
    <div className="flex flex-col gap-6">
      {error ? (
        <Alert tone="danger" data-testid="login-error">
          {t(`errors.${error}`)}
        </Alert>
      ) : null}

      <form onSubmit={onSubmit} className="flex flex-col gap-4" aria-busy={pending === "credentials"}>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="login-email">{t("email")}</Label>
          <Input
            id="login-email"
            className="w-full"
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={error === "credentials" || undefined}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="login-password">{t("password")}</Label>
          <Input
            ref={passwordRef}
            id="login-password"
            className="w-full"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={error === "credentials" || undefined}
          />
        </div>
        <Button type="submit" size="lg" disabled={pending !== null} data-testid="sign-in">
          <LogIn aria-hidden="true" className="size-4" />
          {pending === "credentials" ? t("submitting") : t("submit")}
        </Button>
      </form>

      {sso ? (
        <>
          <div className="flex items-center gap-3 text-sm text-muted-foreground">
            <span className="h-px flex-1 bg-border" />
            {t("or")}
            <span className="h-px flex-1 bg-border" />
          </div>
          <Button variant="secondary" size="lg" onClick={onSso} disabled={pending !== null} data-testid="sign-in-sso">
            <KeyRound aria-hidden="true" className="size-4" />
            {t("sso", { name: sso.name })}
          </Button>
        </>
      ) : null}

      {demoUsers.length > 0 ? <DemoUsers users={demoUsers} password={demoPassword} onPick={onPickDemoUser} /> : null}
    </div>
  );
}
