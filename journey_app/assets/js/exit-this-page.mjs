// "Exit this page" that leaves no trace of the page it was pressed on.
//
// GOV.UK Frontend's component goes to the neutral site with `location.href = ...`, which adds a
// history entry: pressing Back on the neutral site shows the guide again. This subclass does the
// same (hide the page, say "Loading." to screen readers) but uses `location.replace`, so the
// neutral site takes the place of the guide page in the history. The button (tap, click, Enter)
// and Shift pressed three times both come through `exitPage`. Without JavaScript the button is a
// plain link to the neutral site.
import { ExitThisPage } from "govuk-frontend";

export class ReplacingExitThisPage extends ExitThisPage {
  exitPage() {
    if (!this.$updateSpan) {
      return;
    }
    this.$updateSpan.textContent = "";
    document.body.classList.add("govuk-exit-this-page-hide-content");
    this.$overlay = document.createElement("div");
    this.$overlay.className = "govuk-exit-this-page-overlay";
    this.$overlay.setAttribute("role", "alert");
    document.body.appendChild(this.$overlay);
    this.$overlay.textContent = this.i18n.t("activated");
    window.location.replace(this.$button.href);
  }
}
