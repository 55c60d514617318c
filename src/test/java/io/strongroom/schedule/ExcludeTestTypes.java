package io.strongroom.schedule;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Keeps test-only configuration out of the component scan of contexts started by hand
 * ({@link Nodes}), as {@code @SpringBootTest} does for its own: each node names the test
 * configuration it wants.
 */
class ExcludeTestTypes extends TypeExcludeFilter {

	@Override
	public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
		return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName())
				|| reader.getAnnotationMetadata().hasAnnotation(TestComponent.class.getName());
	}

	@Override
	public boolean equals(Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}
