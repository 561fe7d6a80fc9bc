export const DEFAULT_AFTER_LOGIN = "/overview";

/**
 * Only same-site paths may be used after sign-in: "/findings?x=1" yes,
 * "//evil.example", "/\\evil.example" or "https://…" no (open redirect).
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string") return DEFAULT_AFTER_LOGIN;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return DEFAULT_AFTER_LOGIN;
  if (value.startsWith("/login") || value.startsWith("/api/")) return DEFAULT_AFTER_LOGIN;
  // Control characters could smuggle a different URL past the checks above.
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return DEFAULT_AFTER_LOGIN;
  }
  return value;
}
