package io.gatehouse.platform.kafka;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code gatehouse.kafka.consume} lists at least one topic (as a list or comma-separated). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(ConditionalOnConsumedTopics.OnConsumedTopics.class)
public @interface ConditionalOnConsumedTopics {

  /** The condition behind the annotation. */
  class OnConsumedTopics implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !Binder.get(context.getEnvironment())
          .bind("gatehouse.kafka.consume", Bindable.listOf(String.class))
          .orElse(List.of())
          .isEmpty();
    }
  }
}
