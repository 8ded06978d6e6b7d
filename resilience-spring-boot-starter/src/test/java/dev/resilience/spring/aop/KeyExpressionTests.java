package dev.resilience.spring.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import java.util.List;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.Test;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.spel.standard.SpelExpressionParser;

class KeyExpressionTests {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
    private static final Method CONNECT = method("connect", String.class, int.class);

    @Test
    void readsBareReferencesDirectlyWithoutSpel() {
        for (String source : List.of("#host", "#p0", "#a0", " #host ")) {
            KeyExpression key = parse(source, CONNECT);

            assertThat(key.isParameterReference()).as(source).isTrue();
            assertThat(key.evaluate(call(CONNECT, "h.example", 80))).as(source).isEqualTo("h.example");
        }
    }

    @Test
    void evaluatesOtherExpressionsWithSpel() {
        KeyExpression key = parse("#host + ':' + #port", CONNECT);

        assertThat(key.isParameterReference()).isFalse();
        assertThat(key.evaluate(call(CONNECT, "h.example", 80))).isEqualTo("h.example:80");
    }

    @Test
    void acceptsPositionalReferencesInsideExpressions() {
        assertThat(parse("#p0 + #a1", CONNECT).evaluate(call(CONNECT, "h", 1))).isEqualTo("h1");
    }

    @Test
    void acceptsRootAndThisReferences() {
        assertThat(parse("#this == null ? #host : 'x'", CONNECT).evaluate(call(CONNECT, "h", 1))).isEqualTo("h");
    }

    @Test
    void rejectsAPositionBeyondTheParameters() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("#p2", CONNECT))
                .withMessage("key \"#p2\" refers to #p2, which is not a parameter of the method; use #host, #port, #p0 to #p1 or #a0 to #a1");
    }

    @Test
    void rejectsAnUnknownNameInsideAnExpression() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("#hots.length()", CONNECT))
                .withMessage("key \"#hots.length()\" refers to #hots, which is not a parameter of the method; use #host, #port, #p0 to #p1 or #a0 to #a1");
    }

    @Test
    void explainsThatAMethodWithoutParametersHasNothingToReferTo() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("#p0", method("noArguments")))
                .withMessage("key \"#p0\" refers to #p0, which is not a parameter of the method; the method has no parameters");
    }

    private static KeyExpression parse(String source, Method method) {
        return KeyExpression.parse(source, method, NAMES, new SpelExpressionParser());
    }

    private static Method method(String name, Class<?>... parameterTypes) {
        try {
            return Target.class.getDeclaredMethod(name, parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static MethodInvocation call(Method method, Object... arguments) {
        return new MethodInvocation() {
            @Override
            public Method getMethod() {
                return method;
            }

            @Override
            public Object[] getArguments() {
                return arguments;
            }

            @Override
            public Object proceed() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Object getThis() {
                return null;
            }

            @Override
            public AccessibleObject getStaticPart() {
                return method;
            }
        };
    }

    static class Target {
        String connect(String host, int port) {
            return host + port;
        }

        String noArguments() {
            return "";
        }
    }
}
