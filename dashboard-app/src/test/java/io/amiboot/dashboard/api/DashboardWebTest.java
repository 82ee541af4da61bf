package io.amiboot.dashboard.api;

import io.amiboot.dashboard.TestAsteriskBeans;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * The whole dashboard behind a WebTestClient, with no Asterisk (a recording {@link TestAsteriskBeans} instead),
 * originate contexts {@code demo} and {@code test}, and one user per role: {@code viewer}/{@code viewer-pw},
 * {@code operator}/{@code operator-pw} (with the {@code {bcrypt}} prefix), {@code supervisor}/{@code supervisor-pw}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "ami.enabled=false",
        "dashboard.originate-contexts=demo,test",
        "dashboard.users.viewer.password=$2a$04$BW67H9O8w2WTsdBHlxQsoecmwlaT8U2efJmQw7y.9b4YaFV2xK5Ja",
        "dashboard.users.viewer.role=viewer",
        "dashboard.users.operator.password={bcrypt}$2a$04$G9pJXeQiKf.N6/9cjAfCmuTDcvGdAAP8DfPJsUuTWPg8HHHnojgPO",
        "dashboard.users.operator.role=operator",
        "dashboard.users.supervisor.password=$2a$04$B30hgKsSZeTbETS2RIfOfuTTmVrdAG9cnhr2Ug/4Btq6O0AkOYlXe",
        "dashboard.users.supervisor.role=supervisor" })
@AutoConfigureWebTestClient
@Import(TestAsteriskBeans.class)
@interface DashboardWebTest {
}
