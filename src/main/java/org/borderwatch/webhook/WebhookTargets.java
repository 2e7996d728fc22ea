package org.borderwatch.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.stereotype.Component;

import org.borderwatch.common.InvalidInputException;

/**
 * Which URLs deliveries may go to: http or https, and (unless
 * {@code borderwatch.webhooks.allow-private-targets}) only to public addresses, so that a
 * webhook cannot be aimed at the service's own host or network. Checked when an endpoint
 * is registered and again before every attempt, since a name may resolve elsewhere later;
 * redirects are never followed.
 */
@Component
class WebhookTargets {

	private final boolean allowPrivate;

	WebhookTargets(WebhookProperties properties) {
		this.allowPrivate = properties.allowPrivateTargets();
	}

	/**
	 * The URL, checked.
	 * @throws InvalidInputException (400 on {@code url}) for a URL deliveries may not go
	 * to
	 */
	URI check(String url) {
		if (url == null || url.isBlank()) {
			throw InvalidInputException.forField("url", "is required");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw InvalidInputException.forField("url", "is not a URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw InvalidInputException.forField("url", "must be an http or https URL");
		}
		if (uri.getHost() == null || uri.getUserInfo() != null) {
			throw InvalidInputException.forField("url", "must name a host, without user information");
		}
		String refused = refusal(uri);
		if (refused != null) {
			throw InvalidInputException.forField("url", refused);
		}
		return uri;
	}

	/** Why a delivery may not go to this URL now, or null when it may. */
	String refusal(URI uri) {
		if (this.allowPrivate) {
			return null;
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(uri.getHost());
		}
		catch (UnknownHostException ex) {
			return "its host " + uri.getHost() + " does not resolve";
		}
		for (InetAddress address : addresses) {
			if (isPrivate(address)) {
				return "resolves to " + address.getHostAddress()
						+ ", a loopback, link-local or private address (allowed only with "
						+ "borderwatch.webhooks.allow-private-targets=true)";
			}
		}
		return null;
	}

	static boolean isPrivate(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			// 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8, 192.0.0.0/24, 198.18.0.0/15
			return (first == 100 && second >= 64 && second < 128) || first == 0
					|| (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
					|| (first == 198 && (second == 18 || second == 19));
		}
		if (address instanceof Inet6Address) {
			// fc00::/7, unique local addresses
			return (bytes[0] & 0xfe) == 0xfc;
		}
		return false;
	}

}
