package dev.resilience.spring.aop;

import java.util.List;

/**
 * Everything that applies to one protected method: the method and its annotations, outermost first.
 *
 * @param method the method
 * @param specs one per annotation kind in effect, in composition order (outermost first)
 */
record MethodProtection(ProtectedMethod method, List<LayerSpec<?>> specs) {
}
