package io.gatehouse.registry.card.domain;

import io.gatehouse.contracts.registry.Contact;
import io.gatehouse.contracts.registry.DeclaredMetric;
import io.gatehouse.contracts.registry.ModelCard;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a card as a Hugging Face style Markdown document that {@link HuggingFaceCardReader} reads back
 * to the same card: declared metrics as {@code model-index} front matter (and, for people, a table),
 * then one {@code ##} section per {@link CardSection} in its fixed order, then the contacts. A missing
 * section is written as Hugging Face's placeholder {@code [More Information Needed]}, which reads back
 * as missing.
 *
 * <p>Section text is written as it is. Text that itself holds a level 1 or 2 heading does not read back
 * into the same section (the heading starts a new one); use level 3 and below inside sections.
 */
final class CardMarkdownWriter {

  static final String PLACEHOLDER = "[More Information Needed]";
  static final String METRICS_TABLE_TITLE = "Declared Metrics";
  static final String CONTACTS_TITLE = "Model Card Contact";

  private CardMarkdownWriter() {}

  static String write(ModelCard card, String title) {
    StringBuilder md = new StringBuilder();
    if (!card.declaredMetrics().isEmpty()) {
      Map<String, Object> front = new LinkedHashMap<>();
      front.put("model-index", ModelIndex.write(title == null || title.isBlank() ? "model" : title.strip(),
          card.declaredMetrics()));
      md.append("---\n").append(Yaml.dump(front)).append("---\n\n");
    }
    md.append(title == null || title.isBlank() ? "# Model Card" : "# Model Card for " + title.strip()).append('\n');
    for (CardSection section : CardSection.values()) {
      md.append("\n## ").append(section.title()).append("\n\n");
      if (section == CardSection.OWNERS) {
        md.append(list(card.owners()));
      } else {
        String text = section.text(card);
        // trailing space and blank edges go; leading indentation stays (it may be an indented code block)
        md.append(text == null || text.isBlank() ? PLACEHOLDER : text.stripTrailing().replaceFirst("^(?:[ \\t]*\n)+", ""))
            .append('\n');
      }
      if (section == CardSection.METRICS && !card.declaredMetrics().isEmpty()) {
        md.append("\n## ").append(METRICS_TABLE_TITLE).append("\n\n").append(table(card.declaredMetrics()));
      }
    }
    md.append("\n## ").append(CONTACTS_TITLE).append("\n\n")
        .append(list(card.contacts().stream().map(Contacts::format).toList()));
    return md.toString();
  }

  private static String list(List<String> items) {
    if (items.isEmpty()) {
      return PLACEHOLDER + "\n";
    }
    StringBuilder b = new StringBuilder();
    items.forEach(i -> b.append("- ").append(i.strip()).append('\n'));
    return b.toString();
  }

  private static String table(List<DeclaredMetric> metrics) {
    StringBuilder b = new StringBuilder("| Metric | Value | Task | Dataset | Split | Slice | Source |\n")
        .append("|---|---:|---|---|---|---|---|\n");
    for (DeclaredMetric m : metrics) {
      String dataset = m.dataset() == null ? null
          : m.datasetConfig() == null ? m.dataset() : m.dataset() + " (" + m.datasetConfig() + ")";
      String metric = m.name() == null || m.name().equalsIgnoreCase(m.type()) ? m.type() : m.name() + " (" + m.type() + ")";
      b.append("| ").append(cell(metric)).append(" | ").append(number(m.value())).append(" | ").append(cell(m.task()))
          .append(" | ").append(cell(dataset)).append(" | ").append(cell(m.split())).append(" | ")
          .append(cell(m.slice())).append(" | ").append(cell(m.source())).append(" |\n");
    }
    return b.toString();
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\s*\n\\s*", " ");
  }

  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
