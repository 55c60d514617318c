package io.strongroom.heroku.partner;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /heroku/resources/{uuid}}: only {@code plan} matters (heroku-addon.md §2.3).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PlanChangeRequest(@Nullable String plan) {

}
