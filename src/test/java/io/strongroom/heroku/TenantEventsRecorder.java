package io.strongroom.heroku;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.strongroom.tenant.TenantDeprovisioned;
import io.strongroom.tenant.TenantPlanChanged;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records the tenant events the partner API published in committed transactions. */
@TestConfiguration(proxyBeanMethods = false)
public class TenantEventsRecorder {

	private final List<Object> published = new CopyOnWriteArrayList<>();

	/** Committed events, oldest first (an accessor: the bean may be a proxy). */
	public List<Object> published() {
		return List.copyOf(this.published);
	}

	public void clear() {
		this.published.clear();
	}

	@TransactionalEventListener
	public void planChanged(TenantPlanChanged event) {
		this.published.add(event);
	}

	@TransactionalEventListener
	public void deprovisioned(TenantDeprovisioned event) {
		this.published.add(event);
	}

}
