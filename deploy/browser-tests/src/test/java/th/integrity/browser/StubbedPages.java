package th.integrity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The static pages under {@link StubGateway}s in one Chromium per test class: the browser starts once (skipped with
 * the reason when Chromium is missing), every test ends without script errors or CSP violations in the console, and
 * the browser and the stubs close after the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StubbedPages {

    protected Browser browser;
    private final List<StubGateway> stubs = new ArrayList<>();

    @BeforeAll
    void startTheBrowser() {
        Browser.assumeInstalled();
        browser = new Browser();
    }

    /** A stub answering {@code /api/me} with {@code me} (e.g. {@link StubGateway#OFFICER}), closed after the class. */
    protected StubGateway stub(String me) throws IOException {
        StubGateway stub = new StubGateway(me);
        stubs.add(stub);
        return stub;
    }

    /** A stub for a visitor who is not signed in. */
    protected StubGateway stub() throws IOException {
        StubGateway stub = new StubGateway();
        stubs.add(stub);
        return stub;
    }

    @AfterEach
    void noScriptErrorsNorPolicyViolations() {
        if (browser != null) {
            assertThat(browser.consoleErrors()).as("console errors (script errors, CSP violations)").isEmpty();
        }
    }

    @AfterAll
    void closeTheBrowserAndTheStubs() {
        if (browser != null) {
            browser.close();
        }
        stubs.forEach(StubGateway::close);
    }
}
