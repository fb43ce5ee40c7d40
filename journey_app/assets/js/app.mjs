// Only adds to pages that already work without JavaScript.
import { createAll, ErrorSummary, SkipLink } from "govuk-frontend";
import { ReplacingExitThisPage } from "./exit-this-page.mjs";
import { initCopyButtons, initPrintButtons } from "./share.mjs";
import { openFoldedTextForPrint } from "./print.mjs";

document.body.classList.add("govuk-frontend-supported");
createAll(ReplacingExitThisPage);
createAll(SkipLink);
createAll(ErrorSummary);
initCopyButtons();
initPrintButtons();
openFoldedTextForPrint();
