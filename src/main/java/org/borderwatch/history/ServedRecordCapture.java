package org.borderwatch.history;

import java.util.Set;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import org.borderwatch.actor.ActorService;
import org.borderwatch.ceasefire.CeasefireService;
import org.borderwatch.crossing.CrossingService;
import org.borderwatch.crossing.StatusChangeService;
import org.borderwatch.incident.IncidentService;
import org.borderwatch.source.SourceService;
import org.borderwatch.talks.NegotiationService;
import org.borderwatch.talks.TalksRoundService;

/**
 * Keeps what the record services answer inside a read-write transaction in
 * {@link ServedRecords}, so that the transaction's history entries are completed with the
 * very records the API serves, rendered once.
 * <p>
 * The interceptor is appended to the services' transactional proxies after they are made
 * (this post-processor is unordered, so it runs after the ordered auto-proxy creator):
 * last in the chain, it runs inside the transaction and sees the answer before the
 * commit. A service that is not proxied is left as it is; its records are then rendered
 * again at commit, as before.
 */
@Component
class ServedRecordCapture implements BeanPostProcessor {

	private static final Set<Class<?>> SERVICES = Set.of(ActorService.class, SourceService.class, IncidentService.class,
			CeasefireService.class, NegotiationService.class, TalksRoundService.class, CrossingService.class,
			StatusChangeService.class);

	private static final MethodInterceptor CAPTURE = ServedRecordCapture::capture;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof Advised advised && !advised.isFrozen()
				&& SERVICES.contains(AopUtils.getTargetClass(bean))) {
			advised.addAdvice(CAPTURE);
		}
		return bean;
	}

	private static Object capture(MethodInvocation invocation) throws Throwable {
		Object answer = invocation.proceed();
		if (answer != null) {
			RecordRenderers.servedId(answer).ifPresent((id) -> ServedRecords.remember(id, answer));
		}
		return answer;
	}

}
