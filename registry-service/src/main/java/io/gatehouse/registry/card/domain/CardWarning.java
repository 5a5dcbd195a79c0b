package io.gatehouse.registry.card.domain;

/**
 * Something an import did not carry over into the card, or carried over on a guess. {@code code} is
 * stable (see the constants), {@code location} says where in the source document (a front matter key,
 * a section heading, a JSON pointer), {@code message} says what happened in words.
 */
public record CardWarning(String code, String location, String message) {

  /** A front matter key the card has no place for. */
  public static final String UNMAPPED_FRONT_MATTER = "unmapped-front-matter";
  /** A Markdown section the card has no place for, with content. */
  public static final String UNMAPPED_SECTION = "unmapped-section";
  /** A field (JSON property, key-value line, model-index key) the card has no place for. */
  public static final String UNMAPPED_FIELD = "unmapped-field";
  /** A section that held only a template placeholder: it stays missing. */
  public static final String PLACEHOLDER = "placeholder";
  /** A section kept, with a placeholder left in its text. */
  public static final String PLACEHOLDER_IN_TEXT = "placeholder-in-text";
  /** A declared metric that could not be taken (no type, a value that is not a finite number, a wrong shape). */
  public static final String METRIC_SKIPPED = "metric-skipped";
  /** A Model Card Toolkit dataset placed as training or evaluation data on a guess. */
  public static final String GUESSED_DATASET_ROLE = "guessed-dataset-role";
  /** A Model Card Toolkit schema version this reader does not know; read as 0.0.2. */
  public static final String UNKNOWN_SCHEMA_VERSION = "unknown-schema-version";
  /** Free text reduced to the addresses found in it. */
  public static final String CONTACT_REDUCED = "contact-reduced";
  /** A declared metrics table without model-index front matter to read the figures from. */
  public static final String METRICS_TABLE_IGNORED = "metrics-table-ignored";
  /** A section the model's tier requires under the policy in force, left empty ({@code location}: its wire name). */
  public static final String REQUIRED_SECTION_MISSING = "required-section-missing";
}
