package io.dashshare.architecture.violations.adapter.mail;

import io.dashshare.architecture.violations.domain.share.Share;

public class CodeMailer {
    public String describe(Share share) {
        return share.token();
    }
}
