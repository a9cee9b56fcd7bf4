package org.xinfang.notification.messaging;

import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.xinfang.notification.domain.DeliveryChannel;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Mails the alert over SMTP (spring.mail.*). JavaMail blocks, so sending runs on the bounded elastic pool. The
 * delivery id goes in a header so mail filters can drop repeats.
 */
@Component
class EmailSender implements ChannelSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    EmailSender(ObjectProvider<JavaMailSender> mail, @Value("${xinfang.notification.email.from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.EMAIL;
    }

    @Override
    public Mono<Void> send(String idempotencyKey, Recipient to, OutboundMessage outbound) {
        return Mono.<Void>fromRunnable(() -> {
            JavaMailSender sender = mail.getIfAvailable();
            if (sender == null) {
                throw new IllegalStateException("no SMTP server configured (spring.mail.host)");
            }
            try {
                var message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
                helper.setFrom(from);
                helper.setTo(to.target());
                helper.setSubject(outbound.subject());
                helper.setText(outbound.text());
                message.setHeader(WebhookSender.IDEMPOTENCY_KEY, idempotencyKey);
                sender.send(message);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException("mail not accepted: " + e.getMessage(), e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
