package io.strongroom.notify;

import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends one mail delivery over SMTP, or, when no SMTP server is configured (the embedded
 * default), writes it to the log and reports it logged so the dashboard can show it. The
 * Message-ID is derived from the idempotency key, so a receiver can drop a copy should a
 * crash ever make the worker send twice.
 */
final class MailChannel {

	private static final Logger log = LoggerFactory.getLogger(MailChannel.class);

	private final @Nullable JavaMailSender sender;

	private final String from;

	MailChannel(@Nullable JavaMailSender sender, String from) {
		this.sender = sender;
		this.from = from;
	}

	/**
	 * Sends the delivery to {@code to} (its recipient, or the addresses it stands for).
	 */
	DeliveryStatus send(Delivery delivery, List<String> to) throws DeliveryFailure {
		if (this.sender == null) {
			log.info("No SMTP server configured (spring.mail.host), so this mail is logged, not sent: to={} subject={}"
					+ "\n{}", String.join(", ", to), delivery.subject(), delivery.text());
			return DeliveryStatus.LOGGED;
		}
		try {
			MimeMessage message = message(this.sender, "<" + delivery.idempotencyKey() + "@strongroom>");
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(to.toArray(String[]::new));
			helper.setSubject((delivery.subject() != null) ? delivery.subject() : "Strongroom");
			if (delivery.html() != null) {
				helper.setText(delivery.text(), delivery.html());
			}
			else {
				helper.setText(delivery.text());
			}
			// RFC 3834: no auto-replies to an automatic message
			message.setHeader("Auto-Submitted", "auto-generated");
			message.setHeader("X-Strongroom-Delivery", delivery.id().toString());
			this.sender.send(message);
			return DeliveryStatus.SENT;
		}
		catch (MessagingException ex) {
			throw new DeliveryFailure("the mail could not be built: " + ex.getMessage(), false);
		}
		catch (MailException ex) {
			Throwable cause = (ex.getMostSpecificCause() != null) ? ex.getMostSpecificCause() : ex;
			throw new DeliveryFailure("SMTP failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
					true);
		}
	}

	private static MimeMessage message(JavaMailSender sender, String messageId) {
		if (sender instanceof JavaMailSenderImpl impl) {
			return new MimeMessage(impl.getSession()) {
				@Override
				protected void updateMessageID() throws MessagingException {
					setHeader("Message-ID", messageId);
				}
			};
		}
		return sender.createMimeMessage();
	}

}
