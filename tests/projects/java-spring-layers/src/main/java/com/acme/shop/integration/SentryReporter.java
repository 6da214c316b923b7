package com.acme.shop.integration;

import io.sentry.Sentry;
import org.springframework.stereotype.Component;

@Component
public class SentryReporter {
    public void signupFailed(String email, Exception cause) {
        Sentry.captureMessage("Signup failed for " + email); // expect: shared user.contact.email -> sentry
        Sentry.captureException(cause);
    }
}
