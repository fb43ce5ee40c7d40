// Only adds to pages that already work without JavaScript.
import { createAll, ExitThisPage, SkipLink } from "govuk-frontend";

document.body.classList.add("govuk-frontend-supported");
createAll(ExitThisPage);
createAll(SkipLink);
