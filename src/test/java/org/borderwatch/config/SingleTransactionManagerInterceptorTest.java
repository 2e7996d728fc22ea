package org.borderwatch.config;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionInterceptor;

import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @Transactional} methods run through the interceptor that takes the one
 * transaction manager directly, and it is the manager Spring would have chosen.
 */
class SingleTransactionManagerInterceptorTest extends IntegrationTest {

	@Autowired
	private TransactionInterceptor interceptor;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Test
	void takesTheOnlyTransactionManager() {
		assertThat(this.interceptor).isInstanceOf(SingleTransactionManagerInterceptor.class);
		SingleTransactionManagerInterceptor single = (SingleTransactionManagerInterceptor) this.interceptor;
		assertThat(single.determineTransactionManager(new DefaultTransactionAttribute()))
			.isSameAs(this.transactionManager);
		assertThat(single.determineTransactionManager(null)).isSameAs(this.transactionManager);
	}

	@Test
	void leavesANamedQualifierToSpring() {
		DefaultTransactionAttribute named = new DefaultTransactionAttribute();
		named.setQualifier("transactionManager");
		SingleTransactionManagerInterceptor single = (SingleTransactionManagerInterceptor) this.interceptor;
		assertThat(single.determineTransactionManager(named)).isNull();
	}

}
