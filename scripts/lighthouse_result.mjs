// Lighthouse (mobile) on a "Where am I?" result page, which only a form's POST reaches: answers
// each question with its first choice and measures each Continue as a navigation; the last one
// shows the result. scripts/bench.py copies this file next to its Lighthouse install and runs
//   node lighthouse_result.mjs CHROMIUM QUESTION_URL REPORT.json
// The report is Lighthouse's usual JSON for the result page.
import { writeFileSync } from "node:fs";
import { startFlow } from "lighthouse";
import puppeteer from "puppeteer-core";

const [chromium, questionUrl, reportPath] = process.argv.slice(2);
const MAX_QUESTIONS = 6;

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
  ],
});
try {
  const page = await browser.newPage();
  await page.goto(questionUrl);
  const flow = await startFlow(page, { name: "Where am I? result" });
  for (let step = 1; step <= MAX_QUESTIONS; step++) {
    const choices = await page.$$("form input[type=radio]");
    if (choices.length === 0) break;
    await choices[0].click();
    await flow.navigate(
      async () => {
        await page.click("form button.govuk-button");
      },
      { name: `answer ${step}` },
    );
  }
  if ((await page.$$("form input[type=radio]")).length > 0) {
    throw new Error(`no result after ${MAX_QUESTIONS} answers`);
  }
  const result = await flow.createFlowResult();
  writeFileSync(reportPath, JSON.stringify(result.steps.at(-1).lhr));
} finally {
  await browser.close();
}
