package io.dashshare.architecture.violations.application.bad;

import io.dashshare.architecture.violations.adapter.mail.CodeMailer;

/** No framework, yet an adapter: the arrow points the wrong way. */
public class UsesAdapter {
    private CodeMailer mailer;
}
