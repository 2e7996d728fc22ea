package org.borderwatch.config;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.borderwatch.common.EnumValues;
import org.borderwatch.common.QueryRecordResolver;
import org.borderwatch.common.StrictQueryParameters;

/**
 * The rules of the query language, the same on every endpoint: enumerations ignore case
 * and name the allowed values when refused; {@code @ParameterObject} records bind from
 * the query string without Spring's per-request constructor binding; a query parameter
 * the handler does not declare is refused, naming the closest one it does.
 */
@Configuration(proxyBeanMethods = false)
class QueryLanguageConfiguration implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverterFactory(new CaseInsensitiveEnums());
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new QueryRecordResolver());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new StrictQueryParameters()).addPathPatterns("/api/**");
	}

	/** Converts query values to enum constants by {@link EnumValues#parse}. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	static final class CaseInsensitiveEnums implements ConverterFactory<String, Enum> {

		@Override
		public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
			Class<?> enumType = targetType;
			while (enumType != null && !enumType.isEnum()) {
				enumType = enumType.getSuperclass();
			}
			Class enumClass = enumType;
			return (source) -> source.isBlank() ? null : (T) EnumValues.parse(enumClass, source);
		}

	}

}
