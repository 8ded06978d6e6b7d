package dev.resilience.benchmarks.spring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the benchmarks' Boot applications: non-web, quiet, and blind to the other library. Both
 * libraries' auto-configurations are on the benchmark's classpath, so each application excludes the
 * auto-configurations of the other one (found in the {@code AutoConfiguration.imports} files by package
 * prefix), and a context measures exactly one library.
 */
public final class BootApps {

    private static final String IMPORTS =
            "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

    private BootApps() {
    }

    /**
     * Starts an application.
     *
     * @param application the {@code @SpringBootConfiguration} class
     * @param excludedPackage auto-configurations in this package (and below) are excluded
     * @param properties the application's properties
     * @return the running context; the caller closes it
     */
    public static ConfigurableApplicationContext start(Class<?> application, String excludedPackage,
            Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("spring.autoconfigure.exclude", String.join(",", autoConfigurationsIn(excludedPackage)));
        all.put("logging.level.root", "WARN");
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(all)
                .run();
    }

    private static List<String> autoConfigurationsIn(String packageName) {
        List<String> found = new ArrayList<>();
        try {
            Enumeration<URL> files = BootApps.class.getClassLoader().getResources(IMPORTS);
            while (files.hasMoreElements()) {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    reader.lines()
                            .map(String::strip)
                            .filter(line -> line.startsWith(packageName + "."))
                            .forEach(found::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
