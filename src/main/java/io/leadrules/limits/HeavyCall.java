package io.leadrules.limits;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a call that runs many leads or compiles a ruleset (backtest, preview, validate, reload, activate, rule-hit
 * report): it runs only while the {@link HeavyCallGate} has room, else it answers 429 at once.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface HeavyCall {
}
