package jp.sample.isms.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public method of a Spring bean that deployed models may call in an expression
 * ({@code ${approvalRouting.candidateGroups(execution, approverRole)}}); no other method of any object can be called
 * from a model ({@link ExpressionGrammar} at deployment, {@link ModelExpressionEngine} at evaluation).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ModelCallable {
}
