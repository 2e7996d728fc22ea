package org.borderwatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import org.borderwatch.importing.ImportCommand;

/**
 * BorderWatch: a REST service for tracking border-conflict events.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BorderwatchApplication {

	public static void main(String[] args) {
		if (ImportCommand.isInvoked(args)) {
			System.exit(ImportCommand.run(BorderwatchApplication.class, args, System.out, System.err));
		}
		SpringApplication.run(BorderwatchApplication.class, args);
	}

}
