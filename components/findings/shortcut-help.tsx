"use client";

import { useTranslations } from "next-intl";
import { Modal } from "@/components/ui/modal";

export const SHORTCUTS = [
  { keys: ["j", "k"], name: "move" },
  { keys: ["x"], name: "select" },
  { keys: ["Shift", "click"], name: "range" },
  { keys: ["Enter"], name: "open" },
  { keys: ["Esc"], name: "close" },
  { keys: ["/"], name: "search" },
  { keys: ["s"], name: "status" },
  { keys: ["a"], name: "assign" },
  { keys: ["n"], name: "note" },
  { keys: ["u"], name: "suppress" },
  { keys: ["?"], name: "help" },
] as const;

/** The shortcut sheet ("?"). Test hook: shortcut-help. */
export function ShortcutHelp({ open, onClose, canAct }: { open: boolean; onClose: () => void; canAct: boolean }) {
  const t = useTranslations("findings.keyboard");
  const actionKeys = new Set(["select", "range", "status", "assign", "note", "suppress"]);
  return (
    <Modal open={open} onClose={onClose} title={t("title")} description={t("hint")} testId="shortcut-help">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("title")}</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">{t("keyColumn")}</th>
            <th scope="col">{t("actionColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.filter((shortcut) => canAct || !actionKeys.has(shortcut.name)).map((shortcut) => (
            <tr key={shortcut.name} className="border-t border-border first:border-t-0">
              <td className="py-2 pr-4 whitespace-nowrap">
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 ? <span className="mx-1 text-muted-foreground">{shortcut.name === "move" ? "/" : "+"}</span> : null}
                    <kbd className="rounded border border-border bg-muted px-1.5 py-0.5 font-mono text-xs">{key}</kbd>
                  </span>
                ))}
              </td>
              <td className="py-2">{t(`keys.${shortcut.name}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
