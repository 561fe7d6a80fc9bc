// The message catalogs: the shared base file plus one file per area (messages/<locale>/<area>.json),
// merged at the top level, so areas can be edited independently.
import en from "./en.json";
import enChecklists from "./en/checklists.json";
import enChecklistsBaseline from "./en/checklistsBaseline.json";
import enChecklistsEol from "./en/checklistsEol.json";
import enChecklistsPatches from "./en/checklistsPatches.json";
import enCompliance from "./en/compliance.json";
import enFindings from "./en/findings.json";
import enFindingsImport from "./en/findingsImport.json";
import enNotifications from "./en/notifications.json";
import enOverview from "./en/overview.json";
import enReview from "./en/review.json";
import enTimeline from "./en/timeline.json";
import enTriageSettings from "./en/triageSettings.json";
import ja from "./ja.json";
import jaChecklists from "./ja/checklists.json";
import jaChecklistsBaseline from "./ja/checklistsBaseline.json";
import jaChecklistsEol from "./ja/checklistsEol.json";
import jaChecklistsPatches from "./ja/checklistsPatches.json";
import jaCompliance from "./ja/compliance.json";
import jaFindings from "./ja/findings.json";
import jaFindingsImport from "./ja/findingsImport.json";
import jaNotifications from "./ja/notifications.json";
import jaOverview from "./ja/overview.json";
import jaReview from "./ja/review.json";
import jaTimeline from "./ja/timeline.json";
import jaTriageSettings from "./ja/triageSettings.json";

export const MESSAGES = {
  en: { ...en, ...enChecklists, ...enChecklistsBaseline, ...enChecklistsEol, ...enChecklistsPatches, ...enCompliance, ...enFindings, ...enFindingsImport, ...enNotifications, ...enOverview, ...enReview, ...enTimeline, ...enTriageSettings },
  ja: { ...ja, ...jaChecklists, ...jaChecklistsBaseline, ...jaChecklistsEol, ...jaChecklistsPatches, ...jaCompliance, ...jaFindings, ...jaFindingsImport, ...jaNotifications, ...jaOverview, ...jaReview, ...jaTimeline, ...jaTriageSettings },
};

export type TMessages = (typeof MESSAGES)["en"];
