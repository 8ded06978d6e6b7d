package dev.resilience.sample;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what in the sample: the live dashboard and the {@code resilience} endpoint's write operation
 * (reset, force-open, disable) need the role OPERATOR; everything else (the shop, {@code /chaos}, health,
 * Prometheus and the endpoint's reads) stays open. One in-memory user, {@code operator}, whose password
 * is {@code sample.operator.password}. Browsers sign in with a form, scripts with HTTP Basic. CSRF
 * protection stays on, except for {@code /chaos} (a demo control meant for curl); the dashboard sends the
 * token its page carries.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http,
            @Value("${resilience.dashboard.path:/resilience/dashboard}") String dashboardPath) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(EndpointRequest.to("resilience").withHttpMethod(HttpMethod.POST)).hasRole("OPERATOR")
                .requestMatchers(dashboardPath, dashboardPath + "/**").hasRole("OPERATOR")
                .anyRequest().permitAll())
                .formLogin(withDefaults())
                .httpBasic(withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/chaos"));
        return http.build();
    }

    @Bean
    UserDetailsService operators(@Value("${sample.operator.password}") String password) {
        return new InMemoryUserDetailsManager(User.withUsername("operator")
                .password(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password))
                .roles("OPERATOR")
                .build());
    }
}
