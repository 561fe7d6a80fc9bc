import type { InputHTMLAttributes, LabelHTMLAttributes, Ref, SelectHTMLAttributes } from "react";
import { cn } from "@/components/lib/cn";

// No width here: callers set one (w-full, w-36 …), since classes are not merged.
const control =
  "block rounded-md border border-input bg-card px-3 text-sm text-foreground " +
  "placeholder:text-muted-foreground disabled:cursor-not-allowed disabled:opacity-60 " +
  "aria-invalid:border-danger";

export function Label({ className, ...props }: LabelHTMLAttributes<HTMLLabelElement>) {
  return <label className={cn("text-sm font-medium text-foreground", className)} {...props} />;
}

export function Input({
  className,
  ref,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return <input ref={ref} className={cn(control, "h-10", className)} {...props} />;
}

export function Select({
  className,
  ref,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> }) {
  return <select ref={ref} className={cn(control, "h-9 pr-8", className)} {...props} />;
}
