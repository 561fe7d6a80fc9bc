// Type-checks every t("…") key against the English catalog (ja.json must have the same tree).
import type en from "../../server/i18n/messages/en.json";

declare module "next-intl" {
  interface AppConfig {
    Messages: typeof en;
  }
}
