package io.gatehouse.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of events on the wire. Producers and consumers both use it, so that what is
 * written is what the schemas describe: ISO-8601 instants, unknown properties tolerated on read
 * (a newer producer may add fields), no nulls dropped.
 */
public final class EventJson {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private EventJson() {}

  public static JsonMapper mapper() {
    return MAPPER;
  }
}
