package io.strongroom.secrets;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

class MasterKeyRotationTests {

	@Test
	void resealsEveryStoreWithTheCurrentKeyWhenAPreviousKeyIsSet() {
		MasterKey oldKey = new MasterKey(filled(7));
		MasterKey newKey = new MasterKey(filled(9));
		SecretBox before = new AesGcmSecretBox(oldKey, null, new SecureRandom());
		List<String> stored = new ArrayList<>(List.of(before.seal("a", "c"), before.seal("b", "c")));
		SealedSecrets store = (box) -> {
			int count = 0;
			for (int i = 0; i < stored.size(); i++) {
				if (!box.isSealedWithCurrentKey(stored.get(i))) {
					stored.set(i, box.seal(box.open(stored.get(i), "c"), "c"));
					count++;
				}
			}
			return count;
		};
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("store", store);
		SecretBox after = new AesGcmSecretBox(newKey, oldKey, new SecureRandom());
		MasterKeyRotation rotation = new MasterKeyRotation(after, true, beans.getBeanProvider(SealedSecrets.class));

		rotation.resealAfterStart();

		assertThat(stored).allMatch(after::isSealedWithCurrentKey);
		SecretBox newKeyOnly = new AesGcmSecretBox(newKey, null, new SecureRandom());
		assertThat(stored).extracting((s) -> newKeyOnly.open(s, "c")).containsExactly("a", "b");
		assertThat(rotation.reseal()).isZero();
	}

	private static byte[] filled(int value) {
		byte[] bytes = new byte[32];
		java.util.Arrays.fill(bytes, (byte) value);
		return bytes;
	}

}
