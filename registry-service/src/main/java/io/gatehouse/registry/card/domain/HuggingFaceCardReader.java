package io.gatehouse.registry.card.domain;

import io.gatehouse.contracts.registry.CardText;
import static io.gatehouse.registry.card.domain.CardSection.ETHICAL_CONSIDERATIONS;
import static io.gatehouse.registry.card.domain.CardSection.EVALUATION_DATA;
import static io.gatehouse.registry.card.domain.CardSection.FAIRNESS_CONSIDERATIONS;
import static io.gatehouse.registry.card.domain.CardSection.INTENDED_USE;
import static io.gatehouse.registry.card.domain.CardSection.LIMITATIONS;
import static io.gatehouse.registry.card.domain.CardSection.METRICS;
import static io.gatehouse.registry.card.domain.CardSection.OUT_OF_SCOPE_USE;
import static io.gatehouse.registry.card.domain.CardSection.TRAINING_DATA;
import static io.gatehouse.registry.card.domain.CardSection.USERS_AFFECTED;

import io.gatehouse.contracts.registry.Contact;
import io.gatehouse.contracts.registry.DeclaredMetric;
import io.gatehouse.contracts.registry.ModelCard;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a Hugging Face model card: YAML front matter ({@code model-index} gives the declared metrics)
 * and Markdown sections, matched by heading text at any level (case, punctuation and
 * {@code [optional]} ignored) as the table {@link #HEADINGS} says. Section text is kept as the
 * Markdown it was written in, without HTML comments.
 *
 * <ul>
 *   <li>Several headings feeding one section are joined in document order; a secondary one
 *       ("Downstream Use", "Recommendations", "Results", "Factors") is introduced by its title in bold.</li>
 *   <li>An unknown heading with content under a known one belongs to it (kept as a sub-heading).</li>
 *   <li>Anything else with content is reported, never dropped silently: unknown sections, front matter
 *       keys, key-value lines ({@code - **License:** mit}), model-index keys.</li>
 *   <li>A section holding only a placeholder ({@code [More Information Needed]}) stays missing, reported.</li>
 * </ul>
 */
final class HuggingFaceCardReader {

  /** Where a heading's content goes. */
  enum Dest { TEXT, OWNERS, CONTACTS, METRICS_TABLE }

  record Mapping(Dest dest, List<CardSection> sections, boolean secondary) {}

  /** Normalised heading text to destination; see {@link #normalize}. */
  static final Map<String, Mapping> HEADINGS = new LinkedHashMap<>();

  static {
    text(INTENDED_USE, false, "uses", "use", "intended use", "intended uses", "direct use", "intended uses and limitations",
        "primary intended uses", "use cases", "intended use cases");
    text(INTENDED_USE, true, "downstream use", "intended users", "primary intended users");
    text(OUT_OF_SCOPE_USE, false, "out of scope use", "out of scope uses", "out of scope use cases", "misuse",
        "misuse and out of scope use", "misuse malicious use and out of scope use", "prohibited uses");
    text(USERS_AFFECTED, false, "users affected", "affected users", "affected individuals", "affected people",
        "people affected", "affected persons", "affected stakeholders", "who is affected");
    text(TRAINING_DATA, false, "training data", "training dataset", "training datasets");
    HEADINGS.put("training and evaluation data", new Mapping(Dest.TEXT, List.of(TRAINING_DATA, EVALUATION_DATA), false));
    text(EVALUATION_DATA, false, "evaluation data", "evaluation dataset", "evaluation datasets", "testing data",
        "test data", "evaluation");
    text(METRICS, false, "metrics", "metric", "evaluation metrics", "testing metrics", "performance metrics");
    text(METRICS, true, "results", "evaluation results");
    text(FAIRNESS_CONSIDERATIONS, false, "fairness", "fairness considerations", "bias", "bias and fairness",
        "fairness and bias", "fairness evaluation", "bias evaluation");
    text(FAIRNESS_CONSIDERATIONS, true, "factors");
    text(LIMITATIONS, false, "limitations", "limitations and caveats", "bias risks and limitations", "risks and limitations",
        "limitations and bias", "limitations and biases", "risks limitations and biases", "caveats and recommendations",
        "caveats", "known limitations");
    text(LIMITATIONS, true, "recommendations");
    text(ETHICAL_CONSIDERATIONS, false, "ethical considerations", "ethics", "ethical considerations and risks",
        "ethics and safety", "ethical considerations and safety");
    other(Dest.OWNERS, "owners", "owner", "model owners", "developed by");
    other(Dest.CONTACTS, "model card contact", "model card contacts", "contact", "contacts", "contact information",
        "model card authors");
    other(Dest.METRICS_TABLE, "declared metrics");
  }

  private static void text(CardSection section, boolean secondary, String... headings) {
    for (String h : headings) {
      HEADINGS.put(h, new Mapping(Dest.TEXT, List.of(section), secondary));
    }
  }

  private static void other(Dest dest, String... headings) {
    for (String h : headings) {
      HEADINGS.put(h, new Mapping(dest, List.of(), false));
    }
  }

  private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
  private static final Pattern KEY_VALUE = Pattern.compile("^\\*\\*([^*]+?)\\*\\*\\s*:?\\s*(.*)$");
  private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+");
  private static final Pattern TOC_ITEM = Pattern.compile("^\\[[^\\]]*]\\(#[^)]*\\)$");
  private static final Pattern LABEL_ONLY = Pattern.compile("^(\\*\\*|__)[^*_]+(\\*\\*|__)\\s*:?$");

  private record Section(String title, int level, List<Node> blocks) {}

  private record Frame(int level, Mapping mapping) {}

  private final List<String> lines;
  private final List<CardWarning> warnings = new ArrayList<>();
  private final Map<CardSection, List<String>> texts = new EnumMap<>(CardSection.class);
  private final Set<String> owners = new LinkedHashSet<>();
  private final Set<Contact> contacts = new LinkedHashSet<>();
  private final boolean hasModelIndex;

  private HuggingFaceCardReader(String body, boolean hasModelIndex) {
    this.lines = List.of(body.split("\n", -1));
    this.hasModelIndex = hasModelIndex;
  }

  static ImportedCard read(String markdown) {
    String document = markdown.replace("\r\n", "\n").replace('\r', '\n');
    if (document.startsWith("\uFEFF")) {
      document = document.substring(1);
    }
    FrontMatter frontMatter = FrontMatter.split(document);
    List<CardWarning> frontMatterWarnings = new ArrayList<>();
    List<DeclaredMetric> metrics = new ArrayList<>();
    frontMatter.values().forEach((key, value) -> {
      if (key.equals("model-index")) {
        metrics.addAll(ModelIndex.read(value, frontMatterWarnings));
      } else {
        frontMatterWarnings.add(new CardWarning(CardWarning.UNMAPPED_FRONT_MATTER, "front matter: " + key,
            "Front matter '" + key + ": " + Yaml.brief(value) + "' has no place in the card; not imported."));
      }
    });
    HuggingFaceCardReader reader = new HuggingFaceCardReader(frontMatter.body(),
        frontMatter.values().containsKey("model-index"));
    reader.warnings.addAll(frontMatterWarnings);
    reader.readBody(MARKDOWN.parse(frontMatter.body()));
    return new ImportedCard(reader.card(metrics), reader.warnings);
  }

  private void readBody(Node document) {
    List<Section> sections = new ArrayList<>();
    Section current = new Section(null, 0, new ArrayList<>());
    sections.add(current);
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h) {
        current = new Section(headingText(h), h.getLevel(), new ArrayList<>());
        sections.add(current);
      } else if (!isCommentOnly(n)) {
        current.blocks().add(n);
      }
    }
    Deque<Frame> open = new ArrayDeque<>();
    for (Section s : sections) {
      if (s.title() == null) {
        unmapped(s, "text before the first heading");
        continue;
      }
      while (!open.isEmpty() && open.peek().level() >= s.level()) {
        open.pop();
      }
      Frame mappedAncestor = open.stream().filter(f -> f.mapping() != null).findFirst().orElse(null);
      Mapping mapping = HEADINGS.get(normalize(s.title()));
      open.push(new Frame(s.level(), mapping));
      if (mapping != null) {
        mapped(s, mapping);
      } else if (mappedAncestor != null && mappedAncestor.mapping().dest() == Dest.TEXT && hasContent(s.blocks())) {
        String heading = "#".repeat(Math.min(6, 2 + s.level() - mappedAncestor.level())) + " " + s.title();
        for (CardSection target : mappedAncestor.mapping().sections()) {
          texts.computeIfAbsent(target, k -> new ArrayList<>()).add(heading + "\n\n" + join(s.blocks()));
        }
      } else {
        unmapped(s, "section '" + s.title() + "'");
      }
    }
  }

  private void mapped(Section s, Mapping mapping) {
    String where = "section '" + s.title() + "'";
    String text = join(s.blocks());
    switch (mapping.dest()) {
      case TEXT -> {
        if (text.isEmpty()) {
          return;
        }
        String names = String.join(" and ", mapping.sections().stream().map(CardSection::wireName).toList());
        if (CardText.isPlaceholder(text)) {
          warnings.add(new CardWarning(CardWarning.PLACEHOLDER, where, "Section '" + s.title()
              + "' holds only a template placeholder; it gives " + names + " nothing."));
          return;
        }
        if (CardText.containsPlaceholder(text)) {
          warnings.add(new CardWarning(CardWarning.PLACEHOLDER_IN_TEXT, where, "Section '" + s.title()
              + "' still contains a template placeholder; imported into " + names + " as written."));
        }
        String part = mapping.secondary() ? "**" + cleanTitle(s.title()) + "**\n\n" + text : text;
        for (CardSection target : mapping.sections()) {
          texts.computeIfAbsent(target, k -> new ArrayList<>()).add(part);
        }
      }
      case OWNERS -> items(s.blocks(), true).forEach(item -> addOwner(item, where));
      case CONTACTS -> items(s.blocks(), false).forEach(item -> addContacts(item, where));
      case METRICS_TABLE -> {
        boolean onlyTables = s.blocks().stream().allMatch(b -> text(b).lines().allMatch(l -> l.strip().startsWith("|")));
        if (!hasModelIndex && hasContent(s.blocks())) {
          warnings.add(new CardWarning(CardWarning.METRICS_TABLE_IGNORED, where, "Section '" + s.title()
              + "' is read from the model-index front matter, and this card has none; declare the metrics there."));
        } else if (!onlyTables) {
          unmapped(s, where);
        }
      }
    }
  }

  private void unmapped(Section s, String where) {
    List<String> notImported = new ArrayList<>();
    for (Node block : s.blocks()) {
      if (block instanceof ListBlock list && isKeyValueList(list)) {
        for (String item : itemTexts(list)) {
          Matcher kv = KEY_VALUE.matcher(item);
          kv.matches();
          String key = cleanTitle(kv.group(1).strip().replaceAll(":$", ""));
          String value = kv.group(2).strip();
          boolean developedBy = normalize(key).equals("developed by");
          if (!CardText.isFilled(value)) {
            if (developedBy && !value.isEmpty()) {
              warnings.add(new CardWarning(CardWarning.PLACEHOLDER, where + ": " + key, "'" + key
                  + "' in " + where + " holds only a template placeholder; no owner imported."));
            }
            continue;
          }
          if (developedBy) {
            for (String owner : value.split("[,;]")) {
              addOwner(owner, where + ": " + key);
            }
          } else {
            warnings.add(new CardWarning(CardWarning.UNMAPPED_FIELD, where + ": " + key, "'" + key + ": " + value
                + "' in " + where + " has no place in the card; not imported."));
          }
        }
      } else if (block instanceof ListBlock list && itemTexts(list).stream().allMatch(i -> TOC_ITEM.matcher(i).matches())) {
        // a table of contents: nothing of its own
      } else if (isContent(text(block))) {
        notImported.add(text(block));
      }
    }
    if (!notImported.isEmpty()) {
      String first = String.join(" ", notImported).replaceAll("\\s+", " ");
      warnings.add(new CardWarning(CardWarning.UNMAPPED_SECTION, where, capitalise(where)
          + " has no place in the card; not imported: \"" + (first.length() > 80 ? first.substring(0, 79) + "…" : first)
          + "\""));
    }
  }

  private void addOwner(String owner, String where) {
    String o = owner.strip();
    if (CardText.isFilled(o)) {
      owners.add(o);
    } else if (!o.isEmpty()) {
      warnings.add(new CardWarning(CardWarning.PLACEHOLDER, where, "Owner '" + o + "' is a template placeholder; not imported."));
    }
  }

  private void addContacts(String item, String where) {
    if (CardText.isFilled(item)) {
      contacts.addAll(Contacts.parse(item, where, warnings));
    } else if (!item.isBlank()) {
      warnings.add(new CardWarning(CardWarning.PLACEHOLDER, where, "Section '" + where.substring(9, where.length() - 1)
          + "' holds only a template placeholder; no contact imported."));
    }
  }

  private ModelCard card(List<DeclaredMetric> metrics) {
    return new ModelCard(text(INTENDED_USE), text(OUT_OF_SCOPE_USE), text(USERS_AFFECTED), text(TRAINING_DATA),
        text(EVALUATION_DATA), text(METRICS), text(FAIRNESS_CONSIDERATIONS), text(LIMITATIONS),
        text(ETHICAL_CONSIDERATIONS), List.copyOf(owners), metrics, List.copyOf(contacts));
  }

  private String text(CardSection section) {
    List<String> parts = texts.get(section);
    return parts == null || parts.isEmpty() ? null : String.join("\n\n", parts);
  }

  /** Owners or contacts: one per list item, or per line (and, for owners, per comma) of a paragraph. */
  private List<String> items(List<Node> blocks, boolean splitCommas) {
    List<String> items = new ArrayList<>();
    for (Node block : blocks) {
      if (block instanceof ListBlock list) {
        items.addAll(itemTexts(list));
      } else {
        for (String line : text(block).split("\n")) {
          for (String part : splitCommas ? line.split("[,;]") : line.split(";")) {
            if (!part.isBlank()) {
              items.add(part.strip());
            }
          }
        }
      }
    }
    return items;
  }

  private boolean hasContent(List<Node> blocks) {
    return blocks.stream().anyMatch(b -> isContent(text(b)));
  }

  private static boolean isContent(String text) {
    return !CardText.isPlaceholder(text) && !LABEL_ONLY.matcher(text.strip()).matches();
  }

  private boolean isKeyValueList(ListBlock list) {
    List<String> items = itemTexts(list);
    return !items.isEmpty() && items.stream().allMatch(i -> KEY_VALUE.matcher(i).matches());
  }

  /** The text of each item of a list, its marker removed, continuation lines joined by a space. */
  private List<String> itemTexts(ListBlock list) {
    List<String> items = new ArrayList<>();
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (item instanceof ListItem) {
        String raw = text(item);
        String[] itemLines = raw.split("\n");
        StringBuilder b = new StringBuilder(LIST_MARKER.matcher(itemLines[0]).replaceFirst("").strip());
        for (int i = 1; i < itemLines.length; i++) {
          if (!itemLines[i].isBlank()) {
            b.append(' ').append(itemLines[i].strip());
          }
        }
        items.add(b.toString());
      }
    }
    return items;
  }

  /** The source lines of a block, as written (trailing white space and blank edges removed). */
  private String text(Node block) {
    List<SourceSpan> spans = block.getSourceSpans();
    if (spans.isEmpty()) {
      return "";
    }
    int first = spans.get(0).getLineIndex();
    int last = spans.get(spans.size() - 1).getLineIndex();
    String raw = String.join("\n", lines.subList(first, last + 1));
    return raw.stripTrailing().replaceFirst("^(?:[ \\t]*\n)+", "");
  }

  private String join(List<Node> blocks) {
    return String.join("\n\n", blocks.stream().map(this::text).filter(t -> !t.isBlank()).toList());
  }

  private boolean isCommentOnly(Node n) {
    return n instanceof HtmlBlock html && CardText.withoutComments(html.getLiteral()) == null;
  }

  private static String headingText(Heading h) {
    StringBuilder b = new StringBuilder();
    h.accept(new AbstractVisitor() {
      @Override
      public void visit(Text text) {
        b.append(text.getLiteral());
      }

      @Override
      public void visit(Code code) {
        b.append(code.getLiteral());
      }

      @Override
      public void visit(SoftLineBreak softLineBreak) {
        b.append(' ');
      }
    });
    return b.toString().strip();
  }

  /** Heading text as the table matches it: lower case, "[optional]" and punctuation gone, "&" as "and". */
  static String normalize(String title) {
    return title.toLowerCase(Locale.ROOT)
        .replaceAll("[\\[(]optional[\\])]", " ")
        .replace("&", " and ")
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip();
  }

  private static String cleanTitle(String title) {
    return title.replaceAll("\\s*[\\[(]optional[\\])]\\s*", " ").strip();
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
