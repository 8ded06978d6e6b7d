/**
 * The live dashboard ({@code resilience.dashboard.enabled=true}): a page, its settings and its static
 * assets, served by Spring MVC from the starter jar. The page polls the {@code resilience} Actuator
 * endpoint and calls its write operation for the buttons; it has no API of its own beyond
 * {@code settings.json}.
 */
package dev.resilience.spring.dashboard;
