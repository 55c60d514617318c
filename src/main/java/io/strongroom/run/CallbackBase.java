package io.strongroom.run;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import io.strongroom.system.StrongroomProperties;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Where runners call back. A child process on this machine talks to this web process
 * directly ({@code http://127.0.0.1:<port>}), past any proxy or TLS in front of it; a
 * dyno uses the public {@code STRONGROOM_BASE_URL}. {@code strongroom.run.callback-url}
 * overrides both.
 */
class CallbackBase implements ApplicationListener<WebServerInitializedEvent> {

	private final StrongroomProperties strongroom;

	private final @Nullable URI configured;

	private final boolean local;

	private volatile int port;

	CallbackBase(StrongroomProperties strongroom, @Nullable URI configured, boolean local) {
		this.strongroom = strongroom;
		this.configured = configured;
		this.local = local;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() == null) {
			this.port = event.getWebServer().getPort();
		}
	}

	URI runUrl(BackupRunId run) {
		return URI.create(base() + "/runner/v1/runs/" + run);
	}

	URI verificationUrl(VerificationId verification) {
		return URI.create(base() + "/runner/v1/verifications/" + verification);
	}

	private String base() {
		String base;
		if (this.configured != null) {
			base = this.configured.toString();
		}
		else if (this.local && this.port > 0) {
			base = "http://127.0.0.1:" + this.port;
		}
		else {
			base = this.strongroom.baseUrl().toString();
		}
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

}
