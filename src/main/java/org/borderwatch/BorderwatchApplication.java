package org.borderwatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * BorderWatch: a REST service for tracking border-conflict events.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BorderwatchApplication {

	public static void main(String[] args) {
		SpringApplication.run(BorderwatchApplication.class, args);
	}

}
