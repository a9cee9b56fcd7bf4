package org.xinfang.system.console;

import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

/** A fresh browser of one person, signed in through the issuer's page as a person does it. */
final class SignIn {

    private SignIn() {
    }

    static Browser as(String console, String user, Dimension size, Path screenshots) {
        Browser browser = new Browser(size, screenshots).named(user);
        browser.open(console + "/console/");
        browser.type(By.id("username"), user);
        try {
            browser.type(By.id("password"), DemoPeople.passwordOf(user) + Keys.ENTER);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("signing in " + user + ": no page within " + e.getMessage().lines().findFirst()
                    .orElse("") + "; the browser was at " + browser.driver().getCurrentUrl(), e);
        }
        browser.await(d -> !d.findElements(By.cssSelector("[data-test=who], [data-test=sign-in-failed]")).isEmpty());
        if (!browser.driver().findElements(By.cssSelector("[data-test=sign-in-failed]")).isEmpty()) {
            // The gateway could not finish the sign-in with the issuer in time and said so; a person signs in again.
            // Kept on record (target/console-sign-in-retries.txt): a retry that passes still says the door was slow.
            try {
                java.nio.file.Files.writeString(Path.of("target/console-sign-in-retries.txt"), user + " signed in again\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            browser.click("sign-in-again");
        }
        browser.test("who");
        if (!browser.driver().getCurrentUrl().startsWith(console + "/console/")) {
            throw new AssertionError(user + " signed in but is at " + browser.driver().getCurrentUrl());
        }
        return browser;
    }
}
