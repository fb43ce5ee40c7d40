// Printing: open every folded section (details) first so nothing is left off the paper, and fold
// them again afterwards. The print styles do the same in browsers that allow it (_print.scss).
export function openFoldedTextForPrint() {
  let opened = [];
  window.addEventListener("beforeprint", () => {
    opened = [...document.querySelectorAll("details:not([open])")];
    for (const details of opened) details.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
}
