package io.gatehouse.registry.card.domain;

import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** YAML output of the front matter Gatehouse writes, and short renderings of values for warnings. */
final class Yaml {

  private static final int BRIEF = 120;

  private Yaml() {}

  static String dump(Map<String, Object> values) {
    DumpSettings settings = DumpSettings.builder()
        .setDefaultFlowStyle(FlowStyle.BLOCK)
        .setIndent(2)
        .setIndicatorIndent(2)
        .setIndentWithIndicator(true)
        .setWidth(120)
        .setSchema(new CoreSchema())
        .build();
    return new Dump(settings).dumpToString(values);
  }

  /** A value as it would read in flow style, cut to a readable length. */
  static String brief(Object value) {
    String s = flow(value);
    return s.length() <= BRIEF ? s : s.substring(0, BRIEF - 1) + "…";
  }

  private static String flow(Object value) {
    if (value instanceof Map<?, ?> map) {
      StringBuilder b = new StringBuilder("{");
      map.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k).append(": ").append(flow(v)));
      return b.append('}').toString();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Yaml::flow).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(value).replace('\n', ' ');
  }
}
