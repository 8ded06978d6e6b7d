package dev.resilience.spring.aop;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds and checks the resilience annotations of bean classes, once per class. An annotation applies
 * to a method when it is on the method (or the method it overrides) or on the class (or a supertype);
 * a class-level annotation covers every public instance method except {@code equals}, {@code hashCode}
 * and {@code toString}, and a method-level one wins over a class-level one of the same kind.
 *
 * <p>For a JDK proxy made by a factory (an HTTP interface client, a repository) the annotations of its
 * interfaces count, and instances are named after the interface.
 *
 * <p>Misuse throws {@link AnnotationMisuseException} from the scan, which runs while the context starts.
 * A class without annotations costs one pass over its methods, like Spring's own {@code @EventListener}
 * detection, and is remembered; JDK and Spring classes are skipped without a pass. Thread safe: results
 * are cached in a {@link ConcurrentHashMap}, and a class whose scan failed is scanned (and fails) again.
 */
final class ProtectionCatalog {

    private final List<LayerFactory<?>> factories;
    private final Set<Class<? extends Annotation>> annotationTypes;
    private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();
    private final ExpressionParser parser = new SpelExpressionParser(new SpelParserConfiguration(SpelCompilerMode.MIXED, null));
    private final ConcurrentHashMap<Class<?>, ClassProtection> classes = new ConcurrentHashMap<>();

    ProtectionCatalog(List<LayerFactory<?>> factories) {
        List<LayerFactory<?>> sorted = new ArrayList<>(factories);
        sorted.sort(Comparator.comparingInt(LayerFactory::order));
        Set<Class<? extends Annotation>> types = new HashSet<>();
        for (LayerFactory<?> factory : sorted) {
            if (!types.add(factory.annotationType())) {
                throw new IllegalStateException("More than one LayerFactory handles @" + factory.annotationType().getSimpleName());
            }
        }
        this.factories = List.copyOf(sorted);
        this.annotationTypes = Set.copyOf(types);
    }

    /**
     * The protection of a bean class, scanned on first use.
     *
     * @param userClass the bean's own class (not a proxy class)
     * @return its protected methods, possibly none
     * @throws AnnotationMisuseException if an annotation of the class cannot work
     */
    ClassProtection protectionOf(Class<?> userClass) {
        ClassProtection known = classes.get(userClass);
        if (known != null) {
            return known;
        }
        // Scanned outside any map lock: a pattern's validate() may create beans, whose proxying scans
        // other classes re-entrantly. Two threads may scan the same class; the result is the same.
        ClassProtection scanned = scan(userClass);
        known = classes.putIfAbsent(userClass, scanned);
        return known != null ? known : scanned;
    }

    /**
     * Visits every protected method of the classes scanned so far.
     *
     * @param visitor receives the scanned class and the method as a call names it
     */
    void forEachProtected(BiConsumer<Class<?>, Method> visitor) {
        classes.forEach((type, protection) -> protection.methods().forEach(method -> visitor.accept(type, method)));
    }

    /**
     * The protection of one method as called on a target.
     *
     * @param targetClass the target's runtime class
     * @param method the invoked method, possibly declared by an interface or a superclass
     * @return its protection, or {@code null} if it carries no annotation
     * @throws AnnotationMisuseException if an annotation of the class cannot work
     */
    MethodProtection find(Class<?> targetClass, Method method) {
        Class<?> userClass = ClassUtils.getUserClass(targetClass);
        Method specific = Proxy.isProxyClass(userClass) ? method : AopUtils.getMostSpecificMethod(method, userClass);
        return protectionOf(userClass).find(specific);
    }

    private ClassProtection scan(Class<?> userClass) {
        Map<Method, MethodProtection> methods = new LinkedHashMap<>();
        if (Proxy.isProxyClass(userClass)) {
            // A JDK proxy made by a factory (an HTTP interface client, a repository): the annotations are on
            // its interfaces, whose methods the proxy implements as final methods; name after the interface.
            for (Class<?> proxied : userClass.getInterfaces()) {
                if (isCandidate(proxied)) {
                    scanMethods(proxied, proxied.getMethods(), methods);
                }
            }
        } else if (isCandidate(userClass)) {
            scanMethods(userClass, ReflectionUtils.getUniqueDeclaredMethods(userClass, ReflectionUtils.USER_DECLARED_METHODS), methods);
        }
        return methods.isEmpty() ? ClassProtection.NONE : new ClassProtection(methods);
    }

    private boolean isCandidate(Class<?> type) {
        return !type.getName().startsWith("org.springframework.") && AnnotationUtils.isCandidateClass(type, annotationTypes);
    }

    private void scanMethods(Class<?> userClass, Method[] candidates, Map<Method, MethodProtection> into) {
        Annotation[] typeLevel = new Annotation[factories.size()];
        boolean anyTypeLevel = false;
        for (int i = 0; i < typeLevel.length; i++) {
            typeLevel[i] = AnnotatedElementUtils.findMergedAnnotation(userClass, factories.get(i).annotationType());
            anyTypeLevel |= typeLevel[i] != null;
        }
        for (Method method : candidates) {
            if (!into.containsKey(method)) {
                MethodProtection protection = scanMethod(userClass, method, anyTypeLevel ? typeLevel : null);
                if (protection != null) {
                    into.put(method, protection);
                }
            }
        }
    }

    private MethodProtection scanMethod(Class<?> userClass, Method method, Annotation[] typeLevel) {
        Annotation[] methodLevel = new Annotation[factories.size()];
        StringJoiner methodLevelNames = new StringJoiner(", ");
        for (int i = 0; i < methodLevel.length; i++) {
            methodLevel[i] = AnnotatedElementUtils.findMergedAnnotation(method, factories.get(i).annotationType());
            if (methodLevel[i] != null) {
                methodLevelNames.add("@" + factories.get(i).annotationType().getSimpleName());
            }
        }
        int modifiers = method.getModifiers();
        if (methodLevelNames.length() > 0) {
            String unreachable = Modifier.isPrivate(modifiers) ? "private method, which the Spring proxy cannot intercept; make it public"
                    : Modifier.isStatic(modifiers) ? "static method, which the Spring proxy cannot intercept; make it an instance method"
                    : Modifier.isFinal(modifiers) ? "final method, which the Spring proxy cannot intercept; remove the final modifier"
                    : null;
            if (unreachable != null) {
                throw ProtectedMethod.misuse(userClass, method, methodLevelNames + " is on a " + unreachable);
            }
        }
        boolean typeApplies = typeLevel != null && Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers)
                && !ReflectionUtils.isObjectMethod(method);
        List<Annotation> effective = new ArrayList<>(factories.size());
        StringJoiner typeLevelNames = new StringJoiner(", ");
        for (int i = 0; i < methodLevel.length; i++) {
            Annotation annotation = methodLevel[i];
            if (annotation == null && typeApplies && typeLevel[i] != null) {
                annotation = typeLevel[i];
                typeLevelNames.add("@" + factories.get(i).annotationType().getSimpleName());
            }
            effective.add(annotation);
        }
        if (typeLevelNames.length() > 0 && Modifier.isFinal(modifiers)) {
            throw ProtectedMethod.misuse(userClass, method, typeLevelNames + " on the class applies to this public method, but it is final,"
                    + " so the Spring proxy cannot intercept it; remove the final modifier");
        }
        if (methodLevelNames.length() == 0 && typeLevelNames.length() == 0) {
            return null;
        }
        return protection(userClass, method, effective);
    }

    private MethodProtection protection(Class<?> userClass, Method method, List<Annotation> effective) {
        ReturnKind returnKind;
        try {
            returnKind = ReturnKind.of(method.getReturnType());
        } catch (IllegalArgumentException e) {
            throw ProtectedMethod.misuse(userClass, method, e.getMessage());
        }
        ProtectedMethod protectedMethod = new ProtectedMethod(userClass, method, returnKind);
        List<LayerSpec<?>> specs = new ArrayList<>();
        for (int i = 0; i < effective.size(); i++) {
            if (effective.get(i) != null) {
                LayerSpec<?> spec = spec(protectedMethod, factories.get(i), effective.get(i));
                spec.validate();
                specs.add(spec);
            }
        }
        return new MethodProtection(protectedMethod, List.copyOf(specs));
    }

    private <A extends Annotation> LayerSpec<A> spec(ProtectedMethod method, LayerFactory<A> factory, Annotation found) {
        A annotation = factory.annotationType().cast(found);
        String name = factory.name(annotation);
        String key = factory.key(annotation);
        KeyExpression keyExpression = KeyExpression.NONE;
        if (!key.isEmpty()) {
            try {
                keyExpression = KeyExpression.parse(key, method.method(), parameterNames, parser);
            } catch (IllegalArgumentException e) {
                throw method.misuse("@" + factory.annotationType().getSimpleName() + " " + e.getMessage());
            }
        }
        return new LayerSpec<>(method, factory, annotation, name.isEmpty() ? method.defaultInstanceName() : name, keyExpression);
    }
}
