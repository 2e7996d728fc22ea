package org.borderwatch.webhook;

import java.net.InetAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.borderwatch.common.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where deliveries may go when private targets are not allowed (the default). */
class WebhookTargetsTest {

	private final WebhookTargets targets = new WebhookTargets(
			new WebhookProperties(false, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofHours(24), true));

	@Test
	void refusesLoopbackLinkLocalAndPrivateAddresses() {
		for (String url : new String[] { "http://127.0.0.1:8080/hook", "http://localhost/hook",
				"http://169.254.169.254/latest/meta-data", "http://10.1.2.3/hook", "http://192.168.0.10/hook",
				"http://172.16.5.4/hook", "http://[::1]/hook", "http://[fd00::1]/hook", "http://0.0.0.0/hook",
				"http://100.64.0.1/hook" }) {
			assertThatThrownBy(() -> this.targets.check(url)).as(url)
				.isInstanceOf(InvalidInputException.class)
				.hasMessageStartingWith("url: ");
		}
	}

	@Test
	void refusesOtherSchemesAndUserInformation() {
		assertThatThrownBy(() -> this.targets.check("file:///etc/passwd")).hasMessageContaining("http or https");
		assertThatThrownBy(() -> this.targets.check("http://user:pw@93.184.216.34/")).hasMessageContaining("user");
	}

	@Test
	void acceptsAPublicAddress() throws Exception {
		assertThat(this.targets.check("https://93.184.216.34/hooks")).hasHost("93.184.216.34");
		assertThat(WebhookTargets.isPrivate(InetAddress.getByName("8.8.8.8"))).isFalse();
	}

	@Test
	void backsOffFromFiveSecondsDoublingUpToEightHours() {
		assertThat(WebhookWorker.backoff(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(WebhookWorker.backoff(2)).isEqualTo(Duration.ofSeconds(10));
		assertThat(WebhookWorker.backoff(5)).isEqualTo(Duration.ofSeconds(80));
		assertThat(WebhookWorker.backoff(40)).isEqualTo(Duration.ofHours(8));
	}

	@Test
	void signsAsTheStandardWebhooksSpecificationShows() {
		// the specification's own example
		String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
		String body = "{\"test\": 2432232314}";
		assertThat(WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

}
