package io.dashshare.adapter.mail;

import io.dashshare.domain.port.InviteMailer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/** The words of an owner invite (docs/api.md, owners), apart from how it travels. */
record InviteMail(String subject, String text, String html) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static InviteMail of(InviteMailer.Invite invite) {
        Objects.requireNonNull(invite, "invite");
        CodeMail.requireHttpUrl(invite.inviteUrl(), "inviteUrl");
        String company = CodeMail.oneLine(invite.companyName());
        String link = invite.inviteUrl();
        String until = WHEN.format(invite.expiresAt());
        String subject = "You are invited to manage " + company + " dashboards";
        String text = "Hello,\n\n"
                + "you are invited to manage the shared dashboards of " + company + ".\n\n"
                + "Choose your password here (the link works once, until " + until + "):\n\n"
                + "    " + link + "\n\n"
                + "If you did not expect this invitation, ignore this email.\n";
        String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + CodeMail.escape(subject)
                + "</title></head><body style=\"font-family:sans-serif\">\n"
                + "<p>Hello,</p>\n"
                + "<p>you are invited to manage the shared dashboards of <strong>" + CodeMail.escape(company)
                + "</strong>.</p>\n"
                + "<p><a href=\"" + CodeMail.escape(link) + "\">Choose your password</a> (the link works once, until "
                + CodeMail.escape(until) + ").</p>\n"
                + "<p>If you did not expect this invitation, ignore this email.</p>\n"
                + "</body></html>\n";
        return new InviteMail(subject, text, html);
    }

    @Override
    public String toString() {
        return "InviteMail[subject=" + subject + ", body redacted]";
    }
}
