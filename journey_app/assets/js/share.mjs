// Copy and print buttons. They are hidden in the page and shown only here, where they can work:
// without JavaScript the text can still be selected and copied, and the page printed as usual.

export function initCopyButtons(root = document) {
  if (!navigator.clipboard) return;
  for (const button of root.querySelectorAll("[data-copy-target]")) {
    const source = document.getElementById(button.dataset.copyTarget);
    const status = document.getElementById(button.dataset.copyStatus);
    if (!source || !status) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(source.textContent.trim());
        status.textContent = button.dataset.copiedText;
      } catch {
        status.textContent = button.dataset.failedText;
      }
    });
  }
}

export function initPrintButtons(root = document) {
  for (const button of root.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
}
