package io.gatehouse.audit.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.audit.AuditIntegration;
import io.gatehouse.audit.bench.HistoryGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PrintOptions;

/**
 * The printable evidence page in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}): it renders with its tables, and printing it gives a PDF. The page is
 * fetched with a bearer token (a browser cannot send one from the address bar) and opened from a file.
 * Skipped, with a message on standard error, when no Chromium is installed.
 */
class EvidencePageBrowserIT extends AuditIntegration {

  @TempDir Path dir;

  private static Path firstExisting(String... paths) {
    for (String p : paths) {
      if (Files.isExecutable(Path.of(p))) {
        return Path.of(p);
      }
    }
    return null;
  }

  @Test
  void theEvidencePageRendersAndPrints() throws Exception {
    Path chromium = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
    Path driver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    if (chromium == null || driver == null) {
      System.err.println("!!!! EvidencePageBrowserIT SKIPPED: no Chromium and chromedriver on this machine"
          + " (apt-get install chromium chromium-driver). The evidence page was NOT checked in a browser. !!!!");
    }
    Assumptions.assumeTrue(chromium != null && driver != null, "no Chromium / chromedriver installed");

    long start = treeSize();
    sendAll(HistoryGenerator.records(3, 200));
    awaitTreeSize(start + 200);
    Path page = dir.resolve("evidence.html");
    Files.writeString(page, get("/api/v1/evidence/model-0/versions/1/print", auditor()).body());

    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage");
    ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
        .build(), options);
    try {
      browser.get(page.toUri().toString());
      assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("Evidence pack: model-0 version 1");
      List<WebElement> signOffs = browser.findElements(By.cssSelector("#signoffs tr"));
      assertThat(signOffs).hasSize(7); // header and six sign-offs
      assertThat(browser.findElements(By.cssSelector("#gates tr"))).hasSize(6);
      assertThat(browser.findElements(By.cssSelector("#entries tr")).size()).isGreaterThan(15);
      assertThat(browser.findElement(By.id("checkpoint")).getText()).contains("\u2014 gatehouse.local/audit");
      assertThat(browser.findElement(By.id("signoffs")).isDisplayed()).isTrue();
      byte[] pdf = Base64.getDecoder().decode(browser.print(new PrintOptions()).getContent());
      assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      assertThat(pdf.length).isGreaterThan(10_000);
      // kept for a look: target/evidence-page.png and target/evidence-page.pdf
      Files.write(Path.of("target/evidence-page.pdf"), pdf);
      Files.write(Path.of("target/evidence-page.png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } finally {
      browser.quit();
    }
  }
}
