package io.amiboot.dashboard.api;

import io.amiboot.dashboard.TestAsteriskBeans;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole dashboard behind a WebTestClient, with no Asterisk (a recording {@link TestAsteriskBeans} instead),
 * originate contexts {@code demo} and {@code test}, variables {@code ACCOUNT} and {@code TICKET} (and the reserved
 * {@code TRANSFER_CONTEXT}, listed to prove it is refused all the same), and one user per role from the
 * {@code testusers} profile
 * ({@code application-testusers.properties}): {@code viewer}/{@code viewer-pw}, {@code operator}/{@code operator-pw},
 * {@code supervisor}/{@code supervisor-pw}. The login throttle is set far above what the abuse matrices try (they
 * send wrong passwords on purpose, all from one address); {@code LoginThrottleWebTest} tests it with its defaults' shape.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "ami.enabled=false",
        "dashboard.originate-contexts=demo,test",
        "dashboard.originate-variables=ACCOUNT,__TICKET,TRANSFER_CONTEXT",
        "dashboard.login-throttle.failures-per-user=100000",
        "dashboard.login-throttle.failures-per-address=100000" })
@ActiveProfiles("testusers")
@AutoConfigureWebTestClient
@Import(TestAsteriskBeans.class)
public @interface DashboardWebTest {
}
