package io.github.stytchjakarta.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.stytchjakarta.core.Vertical;
import io.github.stytchjakarta.example.support.Browser;
import io.github.stytchjakarta.example.support.ExampleApp;
import io.github.stytchjakarta.testkit.EmulatedFactors;
import io.github.stytchjakarta.testkit.EmulatedMember;
import io.github.stytchjakarta.testkit.EmulatedSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The app in a real (headless) Chromium, end to end: sign in on the dev sign-in page, which sets Stytch's
 * session cookies; work with documents; be refused what the role lacks with a clear page; list and revoke
 * sessions; sign out. Saves screenshots of the main pages in {@code target/screenshots}.
 */
class BrowserIT {

    @RegisterExtension
    static final ExampleApp APP = new ExampleApp(Vertical.B2B);

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void editorSignsInWritesIsRefusedADeleteRevokesASessionAndSignsOut() {
        EmulatedMember bob = APP.demo().bob();

        browser.driver().get(APP.uri("documents").toString());
        browser.await(ExpectedConditions.urlContains("/login?return_to="));
        browser.find("input[name=person][value='" + bob.email() + "']").click();
        browser.screenshot("login");
        signInAndLandOn("/documents");
        assertThat(browser.text()).contains("Welcome to acme").contains(bob.email()).contains("editor");

        browser.find("#title").sendKeys("Quarterly plan");
        browser.find("#body").sendKeys("Hiring, budget and the offsite.");
        browser.find("#save").click();
        browser.await(ExpectedConditions.urlContains("done=created"));
        assertThat(browser.text()).contains("Document saved.").contains("Quarterly plan");
        browser.screenshot("documents");

        browser.driver().findElement(By.xpath("//tr[contains(., 'Quarterly plan')]//button[text()='Delete']")).click();
        browser.await(ExpectedConditions.titleContains("Not allowed"));
        assertThat(browser.text()).contains("Your roles do not allow this").contains("editor")
                .doesNotContain("Exception");
        assertThat(browser.driver().getPageSource()).doesNotContain("\tat ");
        browser.screenshot("forbidden");

        EmulatedSession laptop = APP.emulator().createMemberSession(bob, s -> s.duration(Duration.ofHours(2))
                .factor(EmulatedFactors.googleOAuth("bob-google")));
        browser.driver().get(APP.uri("sessions").toString());
        assertThat(browser.text()).contains("this browser").contains("Google").contains(laptop.sessionId());
        browser.screenshot("sessions");
        browser.find("tr[data-session='" + laptop.sessionId() + "'] button").click();
        browser.await(ExpectedConditions.urlContains("done=revoked"));
        assertThat(browser.text()).contains("Session revoked").doesNotContain(laptop.sessionId());
        assertThat(laptop.isActive()).isFalse();

        browser.driver().get(APP.uri("admin").toString());
        assertThat(browser.text()).contains("This page is for admins only.");

        browser.driver().findElement(By.xpath("//button[text()='Sign out']")).click();
        browser.await(ExpectedConditions.urlMatches("/login$"));
        browser.driver().get(APP.uri("documents").toString());
        browser.await(ExpectedConditions.urlContains("/login?return_to="));
    }

    @Test
    void adminSeesThePolicyAndTheProfileAndDeletes() {
        browser.driver().get(APP.uri("login?return_to=%2Fadmin").toString());
        browser.find("input[name=person][value='" + APP.demo().alice().email() + "']").click();
        new Select(browser.find("#method")).selectByValue("PASSWORD_TOTP");
        signInAndLandOn("/admin");
        assertThat(browser.text()).contains("RBAC policy").contains("Reads and writes documents")
                .contains(APP.demo().acme().slug());
        browser.screenshot("admin");

        browser.driver().get(APP.uri("me").toString());
        assertThat(browser.text()).contains("StytchMember (B2B)").contains(APP.demo().alice().memberId())
                .contains("Password").contains("Authenticator app");
        browser.screenshot("profile");

        browser.driver().get(APP.uri("documents").toString());
        browser.find("#title").sendKeys("Obsolete");
        browser.find("#save").click();
        browser.await(ExpectedConditions.urlContains("done=created"));
        browser.driver().findElement(By.xpath("//tr[contains(., 'Obsolete')]//button[text()='Delete']")).click();
        browser.await(ExpectedConditions.urlContains("done=deleted"));
        assertThat(browser.text()).contains("Document deleted.").doesNotContain("Obsolete");
    }

    private void signInAndLandOn(String path) {
        browser.find("#sign-in").click();
        browser.await(ExpectedConditions.urlMatches(path + "$"));
    }
}
