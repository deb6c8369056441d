package org.pointsnet.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointsnet.gateway.e2e.ApiNetwork.A;
import static org.pointsnet.gateway.e2e.ApiNetwork.B;
import static org.pointsnet.gateway.e2e.ApiNetwork.JSON;
import static org.pointsnet.gateway.e2e.ApiNetwork.RUN;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18 in a real browser: Debian's headless Chromium (driven through its own /usr/bin/chromedriver, never a
 * downloaded one) opens platform-a's web console. The operator signs in on the gateway's login page, sees the supply
 * the API reports, changes the fee rule through the form and sees it in a new quote; Alice signs in, converts points
 * through her page and sees both balances change; bad form input shows a clear message and changes nothing on the
 * ledger; the operator then sees her conversion per pair as the API counts it. The run writes screenshots of both
 * pages to docs/images (and target/). The fee rule is restored at the end:
 * later classes' exact amounts depend on it.
 */
@Tag("network")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebConsoleEndToEndIT {

    /** Generous: a loaded 2-core machine, with every page load doing several ledger reads. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CHROMIUM = System.getProperty("pointsnet.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("pointsnet.chromedriver", "/usr/bin/chromedriver");
    private static final long ISSUED = 500;
    private static final long CONVERTED = 120;

    private static ApiClient a;
    private static String aliceLogin;
    private static String alice;
    private static String base;
    private static JsonNode feeBefore;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void aliceHasPointsAndTheBrowserRuns() throws Exception {
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
            "Chromium and its driver are needed (scripts/test.sh installs them: apt-get install chromium "
                + "chromium-driver)");
        final Map<String, ApiClient> clients = ApiNetwork.clients();
        a = clients.get(A);
        base = a.gateway().url().toString().replaceAll("/$", "");
        aliceLogin = "alice-console-" + RUN;
        final HttpResponse<String> signedUp = a.post("/api/v1/users", "signup-" + aliceLogin,
            "{\"platformUserId\":\"" + aliceLogin + "\",\"password\":\"" + password(aliceLogin) + "\"}");
        assertEquals(200, signedUp.statusCode(), signedUp.body());
        alice = JSON.readTree(signedUp.body()).path("userId").asString();
        ApiNetwork.issue(a, alice, ISSUED);
        feeBefore = rules().path("fee");

        // No Selenium Manager: the driver and the browser are Debian's, named explicitly.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            "--window-size=1280,2000", "--lang=en");
        // The gateway's certificate comes from the org's own TLS CA, which this browser profile does not know.
        options.setAcceptInsecureCerts(true);
        final ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
        wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(200));
    }

    @AfterAll
    static void restoreTheFeeRuleAndQuit() throws Exception {
        try {
            if (feeBefore != null) {
                final JsonNode fee = feeBefore.isObject() ? feeBefore : JSON.createObjectNode()
                    .put("basisPoints", 0).put("minFee", 0).put("maxFee", 0);
                final HttpResponse<String> restored = a.put("/api/v1/platforms/" + A + "/rules/fee",
                    "console-restore-" + RUN, "{\"basisPoints\":" + fee.path("basisPoints").asLong()
                        + ",\"minFee\":" + fee.path("minFee").asLong() + ",\"maxFee\":" + fee.path("maxFee").asLong()
                        + "}");
                assertEquals(200, restored.statusCode(), restored.body());
            }
        } finally {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    /** What the browser showed at the end of each test, passed or not: target/console-after-<test>.png. */
    @AfterEach
    void keepTheLastPage(final TestInfo test) throws Exception {
        final Path target = ApiNetwork.runtime().getParent().resolve("gateway-client").resolve("target");
        Files.createDirectories(target);
        Files.write(target.resolve("console-after-" + test.getTestMethod().map(m -> m.getName()).orElse("test")
            + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Order(1)
    void theOperatorSeesTheSupplyAndChangesTheFeeRuleThroughTheForm() throws Exception {
        signIn("/console/operator", "platform operator", operatorPassword());
        waitLoaded(1);

        // The supply on the page is what GET /reconciliation answers (nothing else runs meanwhile).
        final JsonNode report = JSON.readTree(ok(a.get("/api/v1/reconciliation")));
        for (final JsonNode line : report.path("platforms")) {
            final String shown = text(By.cssSelector("td[data-supply='" + line.path("platformId").asString() + "']"));
            assertEquals(line.path("onChainSupply").asString(), shown, line.toString());
        }
        assertEquals(report.path("balanced").asBoolean() ? "balanced" : "DIFFERENCE: see the table",
            text(By.id("reconciliation-status")));
        final String lag = text(By.id("listener-lag"));
        assertTrue(lag.startsWith("UP") || lag.startsWith("DOWN"), "listener lag shown: " + lag);
        assertTrue(browser.findElements(By.cssSelector("#chart svg")).size() == 1, "no chart");

        final JsonNode quoteBefore = quote();
        final long basisPoints = feeBefore.path("basisPoints").asLong(0) == 250 ? 300 : 250;
        fill("fee-bp", Long.toString(basisPoints));
        fill("fee-min", "1");
        fill("fee-max", "100000");
        final int loads = loads();
        browser.findElement(By.id("fee-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fee-status"), "Fee rule saved"));
        waitLoaded(loads + 1);
        assertTrue(text(By.id("rules-fee")).startsWith(basisPoints + " basis points, minimum 1, maximum 100000"),
            text(By.id("rules-fee")));
        final JsonNode fee = rules().path("fee");
        assertEquals(basisPoints, fee.path("basisPoints").asLong(), fee.toString());

        // A new quote into platform-a through the page carries the new fee, as the API's quote does.
        new Select(browser.findElement(By.id("quote-from"))).selectByValue(B);
        fill("quote-amount", "1000");
        browser.findElement(By.id("quote-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quote-fee")));
        final JsonNode quoteAfter = quote();
        assertEquals(quoteAfter.path("fee").asString(), text(By.id("quote-fee")));
        assertEquals(quoteAfter.path("amountOut").asString(), text(By.id("quote-out")));
        assertNotEquals(quoteBefore.path("fee").asLong(), quoteAfter.path("fee").asLong(),
            "the fee of 1000 from " + B + " did not change: " + quoteBefore + " then " + quoteAfter);

        // Bad input: a clear message, and the rule on the ledger stays as it is.
        for (final String bad : List.of("-5", "abc", "99999999999999999999999", "10001")) {
            fill("fee-bp", bad);
            browser.findElement(By.id("fee-submit")).click();
            final WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fee-alert")));
            assertEquals("alert", alert.getAttribute("role"));
            assertTrue(alert.getText().contains("Fee in basis points must"), bad + ": " + alert.getText());
        }
        assertEquals(fee, rules().path("fee"), "a refused form changed the fee rule");
    }

    @Test
    @Order(2)
    void aliceConvertsPointsThroughHerPageAndSeesBothBalancesChange() throws Exception {
        // Another person in the same browser: forget the operator's sign-in at the gateway.
        browser.manage().deleteAllCookies();
        signIn("/console/me", aliceLogin, password(aliceLogin));
        waitLoaded(1);
        assertEquals(Long.toString(ISSUED), text(By.cssSelector("td[data-balance='" + A + "']")));
        final long bBefore = ApiNetwork.balance(a, alice, B);

        new Select(browser.findElement(By.id("convert-to"))).selectByValue(B);
        fill("convert-amount", Long.toString(CONVERTED));
        // The live quote fills the slippage guard with what the conversion pays.
        final long amountOut = liveQuote(CONVERTED);
        wait.until(ExpectedConditions.attributeToBe(By.id("convert-min"), "value", Long.toString(amountOut)));
        final int loads = loads();
        browser.findElement(By.id("convert-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("convert-status"), "Converted"));
        waitLoaded(loads + 1);

        assertEquals(Long.toString(ISSUED - CONVERTED), text(By.cssSelector("td[data-balance='" + A + "']")));
        assertEquals(Long.toString(bBefore + amountOut), text(By.cssSelector("td[data-balance='" + B + "']")));
        assertEquals(ISSUED - CONVERTED, ApiNetwork.balanceEventually(a, alice, A, ISSUED - CONVERTED));
        assertEquals(bBefore + amountOut, ApiNetwork.balanceEventually(a, alice, B, bBefore + amountOut));
        screenshot("console-person.png");
    }

    @Test
    @Order(3)
    void badConversionInputShowsAClearMessageAndChangesNothing() throws Exception {
        final long onA = ApiNetwork.balance(a, alice, A);
        final long onB = ApiNetwork.balance(a, alice, B);
        final int history = ApiNetwork.historySize(a, alice);
        final Map<String, String> cases = Map.of(
            "-5", "Amount must be a whole number of points",
            "abc", "Amount must be a whole number of points",
            "12.5", "Amount must be a whole number of points",
            "99999999999999999999", "Amount must be a whole number of points",
            "9999999999999999", "out of range",
            // Digits within the API's limits, but more than Alice has (or than a conversion may move): the ledger
            // refuses it and the page shows the problem's detail and code.
            Long.toString(onA + 1_000_000), "INSUFFICIENT_BALANCE|LIMIT_EXCEEDED");
        for (final Map.Entry<String, String> bad : cases.entrySet()) {
            fill("convert-amount", bad.getKey());
            fill("convert-min", "");
            browser.findElement(By.id("convert-submit")).click();
            final WebElement alert = wait.until(driver -> {
                final WebElement region = driver.findElement(By.id("convert-alert"));
                final String shown = region.isDisplayed() ? region.getText().toLowerCase() : "";
                for (final String expected : bad.getValue().toLowerCase().split("\\|")) {
                    if (shown.contains(expected)) {
                        return region;
                    }
                }
                return null;
            });
            assertEquals("alert", alert.getAttribute("role"), bad.getKey());
        }
        // The slippage guard: asking for more than the quote pays is refused by the ledger (SLIPPAGE).
        fill("convert-amount", "10");
        final long out = liveQuote(10);
        wait.until(ExpectedConditions.attributeToBe(By.id("convert-min"), "value", Long.toString(out)));
        fill("convert-min", Long.toString(out + 1000));
        browser.findElement(By.id("convert-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("convert-alert"), "(SLIPPAGE)"));

        assertEquals(onA, ApiNetwork.balance(a, alice, A), "a refused conversion moved points on " + A);
        assertEquals(onB, ApiNetwork.balance(a, alice, B), "a refused conversion moved points on " + B);
        assertEquals(history, ApiNetwork.historySize(a, alice), "a refused conversion left a receipt");
    }

    @Test
    @Order(4)
    void theOperatorSeesAlicesConversionPerPairAsTheApiCountsIt() throws Exception {
        browser.manage().deleteAllCookies();
        browser.executeScript("sessionStorage.clear()");
        signIn("/console/operator", "platform operator", operatorPassword());
        waitLoaded(1);
        final JsonNode stats = JSON.readTree(ok(a.get("/api/v1/conversions/stats?bucket=minute")));
        long toB = 0;
        for (final JsonNode point : stats.path("points")) {
            if (A.equals(point.path("fromPlatformId").asString()) && B.equals(point.path("toPlatformId").asString())) {
                toB += point.path("conversions").asLong();
            }
        }
        assertTrue(toB >= 1, "Alice's conversion is not counted: " + stats);
        // The chart draws one line per pair, and its table lists the same rows as the API (newest 12).
        assertTrue(browser.findElements(By.cssSelector("#chart svg polyline")).size() >= 1, "no line in the chart");
        final List<WebElement> rows = browser.findElements(By.cssSelector("#conversion-table tbody tr"));
        assertEquals(Math.min(12, stats.path("points").size()), rows.size());
        screenshot("console-operator.png");
    }

    /** Waits for the page's live quote of {@code amount} (not of a shorter amount typed on the way). */
    private static long liveQuote(final long amount) {
        wait.until(ExpectedConditions.attributeToBe(By.id("convert-quote"), "data-amount", Long.toString(amount)));
        return Long.parseLong(text(By.id("quote-out")));
    }

    private static void signIn(final String page, final String login, final String password) {
        browser.get(base + page);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("signin"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(base + page));
    }

    /** Waits until the page finished its {@code n}-th full load of data (body data-loads), or fails on its alert. */
    private static void waitLoaded(final int n) {
        wait.until((WebDriver driver) -> {
            final WebElement alert = driver.findElement(By.id("alert"));
            if (alert.isDisplayed()) {
                throw new AssertionError("the page shows an error: " + alert.getText());
            }
            return loads() >= n;
        });
    }

    private static int loads() {
        final String value = browser.findElement(By.tagName("body")).getAttribute("data-loads");
        return value == null ? 0 : Integer.parseInt(value);
    }

    private static String text(final By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by)).getText().strip();
    }

    private static void fill(final String id, final String value) {
        final WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /** Writes the page as it is now to docs/images (shown in README.md) and to target/. */
    private static void screenshot(final String name) throws Exception {
        browser.executeScript("window.scrollTo(0, 0)");
        final byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        final Path root = ApiNetwork.runtime().getParent();
        final Path images = root.resolve("docs").resolve("images");
        Files.createDirectories(images);
        Files.write(images.resolve(name), png);
        final Path target = root.resolve("gateway-client").resolve("target");
        Files.createDirectories(target);
        Files.write(target.resolve(name), png);
    }

    private static JsonNode rules() throws Exception {
        return JSON.readTree(ok(a.get("/api/v1/platforms/" + A + "/rules")));
    }

    private static JsonNode quote() throws Exception {
        return JSON.readTree(ok(a.get("/api/v1/quotes?from=" + B + "&to=" + A + "&amount=1000")));
    }

    private static String ok(final HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static String password(final String login) {
        return "console password " + login;
    }

    /** The operator's console password, from the gateway's owner-only secrets file (test-network.sh writes it). */
    private static String operatorPassword() throws Exception {
        for (final String line : Files.readAllLines(ApiNetwork.runtime().resolve("platforms").resolve(A)
            .resolve("gateway-secrets.env"))) {
            if (line.startsWith("POINTSNET_CONSOLE_OPERATORPASSWORD=")) {
                return line.substring(line.indexOf('=') + 1).replace("'", "");
            }
        }
        throw new AssertionError("no POINTSNET_CONSOLE_OPERATORPASSWORD in runtime/platforms/" + A
            + "/gateway-secrets.env: was the network brought up by this version of test-network.sh?");
    }
}
