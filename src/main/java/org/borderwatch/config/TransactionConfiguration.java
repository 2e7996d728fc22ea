package org.borderwatch.config;

import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How {@code @Transactional} methods find their transaction manager. */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

	@Bean
	static BeanDefinitionRegistryPostProcessor singleTransactionManagerInterceptor() {
		return new SingleTransactionManagerInterceptor.Installer();
	}

}
