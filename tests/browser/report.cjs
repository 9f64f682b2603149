// Opens concord's HTML report in a real browser (Debian's chromium through playwright-core),
// checks the counts it shows, filters, links and escaping, and saves a screenshot.
// Usage: node report.cjs REPORT.html EXPECTED.json ESCAPE.html BIG.html BIG-COUNT SHOT.png
"use strict";
const path = require("path");
const { chromium } = require(process.env.PLAYWRIGHT_CORE || "playwright-core");

const [report, expectedFile, escapeReport, bigReport, bigCount, shot] = process.argv.slice(2);
const expected = JSON.parse(require("fs").readFileSync(expectedFile, "utf8"));
let passed = 0;
let failed = 0;

function check(what, ok, detail) {
  if (ok) {
    passed += 1;
  } else {
    failed += 1;
    console.log("FAILED: " + what + (detail === undefined ? "" : " (" + detail + ")"));
  }
}

function url(file) {
  return "file://" + path.resolve(file);
}

async function main() {
  const profile = require("fs").mkdtempSync(path.join(require("os").tmpdir(), "concord-chromium-"));
  // A fresh profile (the --user-data-dir) for every run.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  try {
    const page = await browser.newPage();
    const requests = [];
    page.on("request", (r) => { if (!r.url().startsWith("file:")) requests.push(r.url()); });
    await page.goto(url(report));
    const s = expected.summary;
    const total = expected.findings.length;
    const text = async (sel) => (await page.textContent(sel)).trim();
    check("the summary line", (await text("#summary")).startsWith(
      `${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.warnings} warning`), await text("#summary"));
    check("the total shown", (await text("#total")) === String(total), await text("#total"));
    check("all findings shown at first", (await text("#shown")) === String(total));
    check("one item per finding", (await page.locator("li.f").count()) === total);
    check("one first mark per finding shown in its text", (await page.locator("mark[id]").count()) === total);

    const warnings = expected.findings.filter((f) => f.severity === "warning").length;
    const firstWarning = page.locator("li.s-warning").first();
    check("a warning is visible", await firstWarning.isVisible());
    await page.uncheck("input[data-filter=s][value=warning]");
    check("hiding warnings hides them", !(await firstWarning.isVisible()));
    check("errors stay", await page.locator("li.s-error").first().isVisible());
    check("the count follows", (await text("#shown")) === String(total - warnings), await text("#shown"));
    await page.check("input[data-filter=s][value=warning]");
    check("showing warnings again", await firstWarning.isVisible());

    const rule = page.locator("input[data-filter=r]").first();
    const ruleIndex = await rule.getAttribute("value");
    const ofRule = await page.locator("li.r" + ruleIndex).count();
    await rule.uncheck();
    check("hiding a rule hides its findings", !(await page.locator("li.r" + ruleIndex).first().isVisible()));
    check("the count follows the rule", (await text("#shown")) === String(total - ofRule));
    await rule.check();

    const file = page.locator("input[data-filter=d]").first();
    await file.uncheck();
    check("hiding a file hides its section", !(await page.locator("section.d0").isVisible()));
    await file.check();

    await page.locator("mark[data-i]").first().click();
    check("a marked word leads to its explanation", /^#i\d+$/.test(await page.evaluate(() => location.hash)));
    const related = page.locator("span.related a").first();
    if (await related.count()) {
      const href = await related.getAttribute("href");
      await related.click();
      check("a related link leads to its place", (await page.evaluate(() => location.hash)) === href &&
        (await page.locator(href).count()) === 1, href);
    }
    check("a bilingual document is side by side", (await page.locator("table.sbs td.source").count()) > 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shot });
    check("nothing loaded from the network", requests.length === 0, requests.join(" "));

    const dialogs = [];
    page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
    await page.goto(url(escapeReport));
    check("a script in an article does not run", dialogs.length === 0, dialogs.join(" "));
    check("it is shown as text", (await page.textContent("main")).includes("<script>"));

    const started = Date.now();
    await page.goto(url(bigReport));
    check("the big report's count", (await text("#shown")) === bigCount, await text("#shown"));
    await page.uncheck("input[data-filter=s][value=error]");
    check("filtering the big report", (await text("#shown")) === "0");
    console.log(`the ${bigCount}-finding report opened and filtered in ${Date.now() - started} ms`);
  } finally {
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e) => { console.log("FAILED: " + e.message); console.log(`${passed} passed, ${failed + 1} failed`); process.exit(1); });
