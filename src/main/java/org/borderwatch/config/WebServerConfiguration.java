package org.borderwatch.config;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * How JSON answers leave the service: whole, and in as few socket writes as their size
 * allows.
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

	/**
	 * Puts the whole-body converter, with Spring Boot's mapper, in the JSON converter's
	 * place: after Spring Boot's own customizer (which sets the plain one), and behind
	 * the byte-array and string converters. (Declared as a converter bean it would go
	 * before them all and write the {@code byte[]} that the OpenAPI endpoint returns as a
	 * base64 JSON string.)
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ServerHttpMessageConvertersCustomizer wholeBodyJsonConverter(JsonMapper mapper) {
		return (converters) -> converters.withJsonConverter(new WholeBodyJsonConverter(mapper));
	}

	/**
	 * Tomcat hands a response to the socket in pieces the size of its per-connection
	 * write buffer, 8 KB by default: a 37 KB timeline page took five write calls. A
	 * larger buffer sends a typical page with one call; it is allocated per open
	 * connection.
	 */
	@Bean
	TomcatConnectorCustomizer socketWriteBuffer(
			@Value("${borderwatch.web.socket-write-buffer-bytes:65536}") int bytes) {
		return (connector) -> connector.setProperty("socket.appWriteBufSize", String.valueOf(bytes));
	}

}
