// Type-checks every t("…") key against the English catalog (the Japanese one must have the same tree).
import type { TMessages } from "../../server/i18n/messages";

declare module "next-intl" {
  interface AppConfig {
    Messages: TMessages;
  }
}
