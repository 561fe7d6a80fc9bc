"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Check, Copy, X } from "lucide-react";
import { cn } from "@/components/lib/cn";

/** Copies an id or ARN to the clipboard; the icon and a polite announcement confirm it. Test hook: copy-button. */
export function CopyButton({ value, label, className }: { value: string; label: string; className?: string }) {
  const t = useTranslations("copy");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2_000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      // No clipboard outside a secure context, or the user refused it.
      setState("failed");
    }
  }

  const Icon = state === "copied" ? Check : state === "failed" ? X : Copy;
  return (
    <>
      <button
        type="button"
        onClick={() => void copy()}
        aria-label={t("label", { label })}
        title={t("label", { label })}
        data-testid="copy-button"
        className={cn(
          "inline-flex size-7 shrink-0 items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground",
          state === "copied" && "text-success",
          state === "failed" && "text-danger",
          className,
        )}
      >
        <Icon aria-hidden="true" className="size-4" />
      </button>
      <span role="status" className="sr-only">
        {state === "copied" ? t("copied") : state === "failed" ? t("failed") : ""}
      </span>
    </>
  );
}
