package io.gatehouse.validation.evaluation.infra;

import io.gatehouse.validation.ValidationProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Opens evaluation data by URI. {@code file:} only under {@code gatehouse.validation.data-root}
 * (after resolving {@code ..} and symbolic links, so no path escapes it); {@code http:} and
 * {@code https:} with a connection timeout and a time limit until the response starts (the size limit
 * is enforced while reading); {@code s3:} is refused as not yet supported. Each refusal is a
 * {@link FetchFailure} with a stable code and a sentence.
 */
@Component
public class DataFetcher {

  private final ValidationProperties properties;
  private final HttpClient http;

  public DataFetcher(ValidationProperties properties) {
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(properties.getHttpConnectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** Why data could not be opened. */
  public static final class FetchFailure extends Exception {
    private final String code;

    public FetchFailure(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public InputStream open(String uri) throws FetchFailure {
    URI u;
    try {
      u = URI.create(uri);
    } catch (IllegalArgumentException e) {
      throw new FetchFailure("data-uri-invalid", "the evaluation data URI '" + uri + "' is not a valid URI");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "file" -> file(u);
      case "http", "https" -> http(u);
      case "s3" -> throw new FetchFailure("data-scheme-unsupported",
          "s3: URIs are not yet supported for evaluation data; serve the file over https: or place it under the "
              + "service's data root and use file:");
      default -> throw new FetchFailure("data-scheme-unsupported", "evaluation data URIs must be file:, http: or "
          + "https:, not '" + uri + "'");
    };
  }

  private InputStream file(URI u) throws FetchFailure {
    Path root = properties.getDataRoot();
    if (root == null) {
      throw new FetchFailure("data-root-not-configured", "file: evaluation data is refused: this service has no "
          + "data root (gatehouse.validation.data-root)");
    }
    Path path;
    try {
      path = Path.of(u);
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      throw new FetchFailure("data-uri-invalid", "the evaluation data URI '" + u + "' is not an absolute file: URI");
    }
    try {
      Path realRoot = root.toRealPath();
      Path real = path.toRealPath();
      if (!real.startsWith(realRoot)) {
        throw new FetchFailure("data-path-outside-root", "the evaluation data path " + path
            + " lies outside the service's data root");
      }
      if (!Files.isRegularFile(real)) {
        throw new FetchFailure("data-not-found", "the evaluation data path " + path + " is not a file");
      }
      return Files.newInputStream(real);
    } catch (NoSuchFileException e) {
      throw new FetchFailure("data-not-found", "no evaluation data at " + path);
    } catch (IOException e) {
      throw new FetchFailure("data-unreadable", "the evaluation data at " + path + " cannot be read: " + e.getMessage());
    }
  }

  private InputStream http(URI u) throws FetchFailure {
    try {
      HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(u).timeout(properties.getHttpTimeout())
          .header("Accept", "text/csv, application/x-ndjson, application/jsonl, */*").GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      if (r.statusCode() != 200) {
        r.body().close();
        throw new FetchFailure("data-not-found", "fetching the evaluation data from " + u + " answered HTTP "
            + r.statusCode());
      }
      long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > properties.getMaxDataBytes()) {
        r.body().close();
        throw new FetchFailure("data-too-large", "the evaluation data at " + u + " is " + declared
            + " bytes, larger than the limit of " + properties.getMaxDataBytes());
      }
      return r.body();
    } catch (IOException e) {
      throw new FetchFailure("data-unreachable", "fetching the evaluation data from " + u + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchFailure("data-unreachable", "interrupted while fetching " + u);
    }
  }
}
