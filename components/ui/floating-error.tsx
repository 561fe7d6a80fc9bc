/** A small error under a top-bar control (language switch, user menu), announced to screen readers. */
export function FloatingError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p
      role="alert"
      className="absolute top-full right-0 z-40 mt-1 w-64 rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger shadow dark:text-red-300"
    >
      {message}
    </p>
  );
}
