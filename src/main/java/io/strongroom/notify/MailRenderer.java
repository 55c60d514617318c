package io.strongroom.notify;

import java.util.Locale;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a notice's mail with Thymeleaf (SBA's {@code MailNotifier}): an HTML part and a
 * plain-text part from {@code classpath:notify/mail/notice.html} and {@code notice.txt}.
 * Its own engines, so the dashboard's view resolution never sees these templates.
 */
final class MailRenderer {

	private final TemplateEngine html = engine(TemplateMode.HTML, ".html");

	private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

	private final String subjectPrefix;

	MailRenderer(String subjectPrefix) {
		this.subjectPrefix = subjectPrefix;
	}

	/**
	 * A rendered mail.
	 *
	 * @param subject with the operator's prefix
	 * @param text the plain-text part
	 * @param html the HTML part
	 */
	record Mail(String subject, String text, String html) {

	}

	Mail render(NoticeContent content) {
		Context context = new Context(Locale.ROOT);
		context.setVariable("content", content);
		String subject = this.subjectPrefix.isBlank() ? content.subject()
				: this.subjectPrefix.strip() + " " + content.subject();
		context.setVariable("subject", subject);
		return new Mail(subject, this.text.process("notice", context), this.html.process("notice", context));
	}

	private static TemplateEngine engine(TemplateMode mode, String suffix) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailRenderer.class.getClassLoader());
		resolver.setPrefix("notify/mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		// SpEL, as in the dashboard's templates (plain Thymeleaf would need OGNL)
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

}
