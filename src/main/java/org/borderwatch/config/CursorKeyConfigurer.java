package org.borderwatch.config;

import org.borderwatch.common.Cursor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Hands the configured signing secret to {@link Cursor}. */
@Component
class CursorKeyConfigurer {

	CursorKeyConfigurer(@Value("${borderwatch.cursor-secret:borderwatch-cursor}") String secret) {
		Cursor.useKey(secret);
	}

}
