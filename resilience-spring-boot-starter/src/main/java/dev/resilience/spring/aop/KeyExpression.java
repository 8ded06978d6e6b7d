package dev.resilience.spring.aop;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;

/**
 * A {@code key} attribute, parsed once per method. A bare parameter reference ({@code #host},
 * {@code #p0}, {@code #a0}) reads the argument directly, with no SpEL evaluation and no allocation;
 * anything else ({@code #req.host()}) is a SpEL expression evaluated per call against a
 * {@link MethodBasedEvaluationContext} (parameters by name, {@code #pN}, {@code #aN}). Immutable and
 * thread safe.
 */
public final class KeyExpression {

    /** No key: one instance per name. */
    public static final KeyExpression NONE = new KeyExpression("", -1, null, null, null);

    private static final Pattern BARE_REFERENCE = Pattern.compile("#([A-Za-z_$][A-Za-z0-9_$]*)");
    private static final Pattern POSITIONAL = Pattern.compile("[pa](\\d+)");

    private final String source;
    private final int argumentIndex;
    private final Expression expression;
    private final Method method;
    private final ParameterNameDiscoverer parameterNames;

    private KeyExpression(String source, int argumentIndex, Expression expression, Method method,
            ParameterNameDiscoverer parameterNames) {
        this.source = source;
        this.argumentIndex = argumentIndex;
        this.expression = expression;
        this.method = method;
        this.parameterNames = parameterNames;
    }

    /**
     * Parses a key attribute and checks every variable it refers to against the method's parameters.
     *
     * @param source the attribute, not empty
     * @param method the method whose arguments it reads
     * @param parameterNames where parameter names come from
     * @param parser the SpEL parser
     * @return the parsed key
     * @throws IllegalArgumentException with the reason, if it does not parse or names an unknown parameter
     */
    static KeyExpression parse(String source, Method method, ParameterNameDiscoverer parameterNames, ExpressionParser parser) {
        String[] names = parameterNames.getParameterNames(method);
        int count = method.getParameterCount();
        Matcher bare = BARE_REFERENCE.matcher(source.trim());
        if (bare.matches()) {
            int index = indexOf(bare.group(1), names, count);
            if (index < 0) {
                throw unknownVariable(source, bare.group(1), names, count);
            }
            return new KeyExpression(source, index, null, method, parameterNames);
        }
        Expression expression;
        try {
            expression = parser.parseExpression(source);
        } catch (ParseException e) {
            throw new IllegalArgumentException("key \"" + source + "\" is not a valid SpEL expression: " + e.getMessage(), e);
        }
        if (expression instanceof SpelExpression spel) {
            for (String variable : variables(spel.getAST(), new ArrayList<>())) {
                if (!variable.equals("root") && !variable.equals("this") && indexOf(variable, names, count) < 0) {
                    throw unknownVariable(source, variable, names, count);
                }
            }
        }
        return new KeyExpression(source, -1, expression, method, parameterNames);
    }

    private static int indexOf(String variable, String[] names, int count) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(variable)) {
                    return i;
                }
            }
        }
        Matcher positional = POSITIONAL.matcher(variable);
        if (positional.matches() && positional.group(1).length() < 10) {
            int index = Integer.parseInt(positional.group(1));
            return index < count ? index : -1;
        }
        return -1;
    }

    private static List<String> variables(SpelNode node, List<String> found) {
        if (node instanceof VariableReference) {
            found.add(node.toStringAST().substring(1));
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            variables(node.getChild(i), found);
        }
        return found;
    }

    private static IllegalArgumentException unknownVariable(String source, String variable, String[] names, int count) {
        String expected;
        if (count == 0) {
            expected = "the method has no parameters";
        } else if (names == null) {
            expected = "parameter names are not available (compile with -parameters); use #p0 to #p" + (count - 1);
        } else {
            StringBuilder choices = new StringBuilder("use ");
            for (String name : names) {
                choices.append('#').append(name).append(", ");
            }
            expected = choices.append(count == 1 ? "#p0 or #a0" : "#p0 to #p" + (count - 1) + " or #a0 to #a" + (count - 1)).toString();
        }
        return new IllegalArgumentException("key \"" + source + "\" refers to #" + variable
                + ", which is not a parameter of the method; " + expected);
    }

    /**
     * Whether a key is set.
     *
     * @return {@code false} only for {@link #NONE}
     */
    public boolean isPresent() {
        return this != NONE;
    }

    /**
     * Whether the key is a bare parameter reference, read without SpEL.
     *
     * @return {@code true} for {@code #name}, {@code #pN}, {@code #aN}
     */
    public boolean isParameterReference() {
        return argumentIndex >= 0;
    }

    /**
     * The key's value for one call.
     *
     * @param invocation the call
     * @return the value (its {@code String.valueOf} form names the instance), or {@code null} for the
     *     un-keyed instance
     * @throws org.springframework.expression.EvaluationException if the SpEL expression fails on these arguments
     */
    public Object evaluate(MethodInvocation invocation) {
        Object[] arguments = invocation.getArguments();
        if (argumentIndex >= 0) {
            return arguments[argumentIndex];
        }
        if (expression == null) {
            return null;
        }
        return expression.getValue(new MethodBasedEvaluationContext(null, method, arguments, parameterNames));
    }

    /** @return the attribute as written */
    @Override
    public String toString() {
        return source;
    }
}
