package org.borderwatch.common;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How JSON answers leave the service: whole, and in as few socket writes as their size allows. */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

	/** Replaces Spring Boot's JSON converter (which backs off when one is defined), same mapper. */
	@Bean
	WholeBodyJsonConverter wholeBodyJsonConverter(JsonMapper mapper) {
		return new WholeBodyJsonConverter(mapper);
	}

	/**
	 * Tomcat hands a response to the socket in pieces the size of its per-connection write
	 * buffer, 8 KB by default: a 37 KB timeline page took five write calls. A larger buffer sends a
	 * typical page with one call; it is allocated per open connection.
	 */
	@Bean
	TomcatConnectorCustomizer socketWriteBuffer(
			@Value("${borderwatch.web.socket-write-buffer-bytes:65536}") int bytes) {
		return (connector) -> connector.setProperty("socket.appWriteBufSize", String.valueOf(bytes));
	}

}
