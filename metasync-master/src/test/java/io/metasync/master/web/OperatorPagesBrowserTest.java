package io.metasync.master.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.metasync.common.NamespacePath;
import io.metasync.master.MasterFixture;
import io.metasync.master.RpcCalls;
import io.metasync.master.mount.MountOptions;
import io.metasync.ufs.ForwardingUnderFileSystem;
import io.metasync.ufs.UfsListing;
import io.metasync.ufs.UnderFileSystem;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The operator pages in a real headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}) against a real master: what each page shows, that a secret is masked, that the
 * sync points update without a reload; a screenshot of each page goes to {@code
 * target/screenshots/}.
 */
class OperatorPagesBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target/screenshots");
  private static final String SECRET = "do-not-show-this-4711";
  private static final Dimension LAPTOP = new Dimension(1280, 1000);
  private static final Dimension PHONE = new Dimension(390, 1400);
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir static Path folder;
  private static MasterFixture fixture;
  private static WebDriver browser;
  private static String base;

  @BeforeAll
  static void startMasterAndBrowser() throws IOException {
    Optional<Path> chromium = onPath("chromium");
    Optional<Path> driver = onPath("chromedriver");
    if (chromium.isEmpty() || driver.isEmpty()) {
      fail(
          "the web page's browser test needs Chromium and its driver on the PATH; install them"
              + " with: apt-get install -y chromium chromium-driver");
    }
    fixture =
        MasterFixture.start(
            folder,
            BrokenListings::new,
            Map.of(
                "metasync.master.activesync.interval", "100ms",
                "metasync.master.activesync.maxage", "3"));
    Path vault = Files.createDirectories(folder.resolve("vault"));
    fixture
        .master()
        .namespace()
        .mounts()
        .mount(
            NamespacePath.parse("/vault"),
            OptionedLocalUfsFactory.SCHEME + "://" + vault,
            new MountOptions(false, false, Map.of("s3.secret.key", SECRET, "region", "eu-1")));
    base = "http://localhost:" + fixture.master().webPort();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.get().toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.get().toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(LAPTOP);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (browser != null) {
      browser.quit();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  private static Optional<Path> onPath(String program) {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(entry, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static String open(String path) {
    browser.get(base + path);
    return text("main");
  }

  /**
   * The rendered text of the first element {@code selector} matches, read in one script call: the
   * live update and the reloads replace elements, so a found element may be gone a moment later.
   * Cells are separated by a space.
   */
  private static String text(String selector) {
    Object text =
        ((JavascriptExecutor) browser)
            .executeScript("return document.querySelector(arguments[0]).innerText;", selector);
    return String.valueOf(text).replace('\t', ' ');
  }

  private static void screenshot(String name) throws IOException {
    Files.write(
        SCREENSHOTS.resolve(name + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void overviewShowsTheRoleTheJournalIndexAndTheMountTable() throws IOException {
    String overview = open("/");

    assertThat(overview)
        .contains("Role\nsingle master")
        .containsPattern("Journal applied index\n[1-9]\\d*")
        .containsPattern("Cached inodes\n\\d+")
        .contains("Uptime")
        .contains("/vault " + OptionedLocalUfsFactory.SCHEME + "://");
    assertThat(browser.getTitle()).isEqualTo("metasync master: Overview");
    screenshot("overview");
  }

  @Test
  void mountsShowOptionsWithTheSecretMaskedAndUfsCalls() throws IOException {
    String mounts = open("/mounts");

    assertThat(mounts)
        .contains("/vault")
        .contains("region=eu-1")
        .contains("s3.secret.key=(hidden)")
        .doesNotContain(SECRET);
    assertThat(browser.getPageSource()).doesNotContain(SECRET);
    screenshot("mounts");
  }

  @Test
  void aSyncPointAppearsAndSettlesWithoutAReload() throws IOException {
    Files.createDirectories(fixture.rootFolder().resolve("watched/sub"));
    Files.writeString(fixture.rootFolder().resolve("watched/sub/a.txt"), "a");
    assertThat(open("/sync-points")).doesNotContain("/watched");
    JavascriptExecutor script = (JavascriptExecutor) browser;
    script.executeScript("window.loadedOnce = 'still this page';");

    fixture.master().namespace().activeSync().startSync(NamespacePath.parse("/watched"));

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(syncPointRow("/watched"))
                    .contains("idle")
                    .doesNotContain("never")
                    .contains("interval"));
    assertThat(script.executeScript("return window.loadedOnce")).isEqualTo("still this page");
    screenshot("sync-points");
    browser.manage().window().setSize(PHONE);
    try {
      browser.navigate().refresh();
      // On a narrow screen each row is a card: the header row is hidden, cells are labelled.
      assertThat(
              script.executeScript(
                  "return getComputedStyle(document.querySelector('#sync-points thead')).display"))
          .isEqualTo("none");
      assertThat(
              script.executeScript(
                  "return getComputedStyle(document.querySelector('#sync-points td'),"
                      + " '::before').content"))
          .isEqualTo("\"Path: \"");
      screenshot("sync-points-phone");
    } finally {
      browser.manage().window().setSize(LAPTOP);
    }
  }

  /** The row of {@code path} in the sync points table, cells separated by " | "; "" if none. */
  private static String syncPointRow(String path) {
    return String.valueOf(
        ((JavascriptExecutor) browser)
            .executeScript(
                "var rows = document.querySelectorAll('#sync-points tbody tr');"
                    + "for (var i = 0; i < rows.length; i++) {"
                    + "  var cells = Array.from(rows[i].cells).map(function(c){return c.textContent;});"
                    + "  if (cells[0] == arguments[0]) return cells.join(' | ');"
                    + "}"
                    + "return '';",
                path));
  }

  @Test
  void theSyncsPageListsAFinishedActiveSyncWithItsCounts() throws IOException {
    Files.createDirectories(fixture.rootFolder().resolve("counted"));
    Files.writeString(fixture.rootFolder().resolve("counted/one.txt"), "1");
    Files.writeString(fixture.rootFolder().resolve("counted/two.txt"), "2");

    fixture.master().namespace().activeSync().startSync(NamespacePath.parse("/counted"));

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              open("/syncs");
              assertThat(text("#recent-syncs"))
                  .containsPattern("/counted subtree active sync .* ok");
            });
    assertThat(text("#running-syncs")).contains("Started");
    screenshot("syncs");
  }

  @Test
  void aFailedSyncIsARecentError() throws IOException {
    Files.createDirectories(fixture.rootFolder().resolve("broken"));
    RpcCalls calls = new RpcCalls(fixture);
    assertThatThrownBy(() -> calls.list("/broken", false, RpcCalls.ALWAYS))
        .hasMessageContaining(BrokenListings.FAILURE);

    String errors = open("/errors");

    assertThat(errors).contains("sync failed (on demand)").contains("/broken");
    assertThat(errors).contains(BrokenListings.FAILURE);
    screenshot("errors");
  }

  @Test
  void theConfigurationShowsValuesInEffectAndHidesSecretFiles() throws IOException {
    fixture
        .master()
        .namespace()
        .pathConf()
        .set(NamespacePath.parse("/hot"), Map.of("metasync.user.file.metadata.sync.interval", "0"));

    String configuration = open("/configuration");

    assertThat(configuration)
        .contains("metasync.master.activesync.interval 100ms set")
        .contains("metasync.master.web.port 0 set")
        .contains("metasync.security.authentication.secret.file (hidden) default")
        .contains("/hot metasync.user.file.metadata.sync.interval 0");
    assertThat(browser.getPageSource()).doesNotContain("master.secret");
    screenshot("configuration");
  }

  @Test
  void everyPageLoadsNothingFromElsewhere() {
    List<String> outside = new ArrayList<>();
    for (String path : Html.PAGES.keySet()) {
      browser.get(base + path);
      Object sources =
          ((JavascriptExecutor) browser)
              .executeScript(
                  "return performance.getEntriesByType('resource').map(function(e){return"
                      + " e.name;});");
      for (Object source : (List<?>) sources) {
        if (!source.toString().startsWith(base)) {
          outside.add(path + " loads " + source);
        }
      }
    }
    assertThat(outside).isEmpty();
  }

  /** Lists of a folder named {@code broken} fail as a UFS that does not answer would. */
  private static final class BrokenListings extends ForwardingUnderFileSystem {
    static final String FAILURE = "injected failure for the errors page";

    BrokenListings(UnderFileSystem delegate) {
      super(delegate);
    }

    @Override
    public UfsListing list(String path) throws IOException {
      if (path.endsWith("broken")) {
        throw new IOException(FAILURE);
      }
      return delegate().list(path);
    }
  }
}
