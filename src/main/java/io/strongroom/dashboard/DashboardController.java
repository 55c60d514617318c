package io.strongroom.dashboard;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import io.strongroom.heroku.SignedInUser;
import io.strongroom.tenant.PlanCatalog;
import io.strongroom.tenant.Tenant;
import io.strongroom.tenant.TenantRepository;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard of the one add-on resource the session is bound to. The tenant comes only
 * from the signed-in user in the session ({@link SignedInUser}), never from the URL or a
 * parameter: no handler here takes a path variable or a request parameter naming a
 * tenant.
 */
@Controller
class DashboardController {

	static final String HOME = "dashboard/home";

	static final String REMOVED = "dashboard/removed";

	private final TenantRepository tenants;

	private final PlanCatalog plans;

	DashboardController(TenantRepository tenants, PlanCatalog plans) {
		this.tenants = tenants;
		this.plans = plans;
	}

	@GetMapping("/")
	String root() {
		return "redirect:/dashboard";
	}

	@GetMapping("/dashboard")
	String home(@AuthenticationPrincipal SignedInUser user, Model model, HttpServletResponse response) {
		Tenant tenant = this.tenants.findById(user.tenant()).orElse(null);
		if (tenant == null || tenant.isDeprovisioned()) {
			// Removed while this session was open: the session outlives the add-on.
			response.setStatus(HttpServletResponse.SC_GONE);
			return REMOVED;
		}
		model.addAttribute("addon", AddonView.of(tenant, this.plans.find(tenant.plan()).orElse(null)));
		model.addAttribute("user", user);
		// Filled once databases can be added (the target module); the template shows the
		// empty state until then.
		model.addAttribute("databases", List.of());
		return HOME;
	}

}
