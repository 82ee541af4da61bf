package io.amiboot.test.asterisk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class (or method) that needs a real Asterisk: registers {@link AsteriskExtension}, which resolves
 * {@link TestAsterisk} parameters. If no Asterisk can be found or started the test fails (it is never skipped);
 * run {@code mvn verify -DskipITs} to leave integration tests out.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AsteriskExtension.class)
public @interface RealAsterisk {
}
