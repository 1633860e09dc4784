package dev.quarry;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A SQL function call over expressions: Django's {@code Func}. Every function of {@link Functions} is one, and so is a
 * third party's: name the function, give its arguments, and say what it returns when that is not the type of its first
 * argument (Django's {@code output_field}). The dialect renders the call (PostgreSQL writes {@code STRINDEX} as
 * {@code STRPOS}); a name it does not know is written {@code NAME(arg, ...)}. A {@link #template(String) template} with
 * one {@code %s} per argument writes anything else. Arguments follow the rule of every function: a {@code String}
 * names a field (checked against the model), an {@link Expression} is itself, any other object is a bound value.
 * {@snippet :
 * Func unaccent = Func.of("UNACCENT", "name").outputType(String.class);       // a PostgreSQL extension's function
 * authors.annotate("plain", unaccent).filter("plain__icontains", "jose").list();
 * Func distance = Func.of("DISTANCE", "a", "b").template("(%s <-> %s)").outputType(Double.class);
 * }
 * Immutable.
 */
public final class Func implements Expression {

    private final String function;
    private final List<Object> arguments;
    private final String template;
    private final Class<?> outputType;
    private final boolean window;

    private Func(String function, List<Object> arguments, String template, Class<?> outputType, boolean window) {
        this.function = function;
        this.arguments = arguments;
        this.template = template;
        this.outputType = outputType;
        this.window = window;
    }

    /**
     * {@code function(arguments...)}.
     *
     * @param function  the SQL name, letters, digits and underscores only (it is written into the SQL)
     * @param arguments field names, expressions or values
     * @throws IllegalArgumentException when the name is not a plain identifier
     */
    public static Func of(String function, Object... arguments) {
        Objects.requireNonNull(function, "function");
        if (!function.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("A function name is a plain SQL identifier, got '" + function + "'.");
        }
        return new Func(function.toUpperCase(java.util.Locale.ROOT), List.copyOf(Arrays.asList(arguments)), null, null, false);
    }

    /** A window function (Django's {@code window_compatible}/{@code Window}-only functions), e.g. {@code RANK()}. */
    static Func window(String function, Class<?> outputType, Object... arguments) {
        return new Func(function, List.copyOf(Arrays.asList(arguments)), null, outputType, true);
    }

    /** The same call, read as {@code type} (Django's {@code output_field}). */
    public Func outputType(Class<?> type) {
        return new Func(function, arguments, template, Objects.requireNonNull(type, "type"), window);
    }

    /**
     * The same call written by {@code template}, with one {@code %s} per argument in order (Django's
     * {@code template}); the template is SQL the programmer writes, values still bind as parameters.
     */
    public Func template(String template) {
        Objects.requireNonNull(template, "template");
        int slots = template.split("%s", -1).length - 1;
        if (slots != arguments.size() || template.replace("%s", "").contains("%")) {
            throw new IllegalArgumentException("The template '" + template + "' must have one %s per argument ("
                    + arguments.size() + ") and no other %.");
        }
        return new Func(function, arguments, template, outputType, window);
    }

    /** The SQL name, upper case. */
    public String function() {
        return function;
    }

    /** The arguments: field names, expressions or values. */
    public List<Object> arguments() {
        return arguments;
    }

    /** The template, or {@code null} to let the dialect write the call. */
    public String template() {
        return template;
    }

    /** The declared output type, or {@code null} to infer it from the arguments. */
    public Class<?> outputType() {
        return outputType;
    }

    /** Whether this function may be used only inside a {@link Window}. */
    public boolean isWindowFunction() {
        return window;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Func f && f.function.equals(function) && f.arguments.equals(arguments)
                && Objects.equals(f.template, template) && Objects.equals(f.outputType, outputType) && f.window == window;
    }

    @Override
    public int hashCode() {
        return Objects.hash(function, arguments, template, outputType, window);
    }

    @Override
    public String toString() {
        return function + arguments;
    }
}
