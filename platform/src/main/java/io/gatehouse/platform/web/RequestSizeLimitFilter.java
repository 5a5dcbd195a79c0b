package io.gatehouse.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code gatehouse.web.max-request-bytes} with 413 and a problem body:
 * at once when {@code Content-Length} says so, and while reading when a chunked body grows past it.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;
  private final Iterable<ErrorBodyFormat> formats;

  public RequestSizeLimitFilter(long maxBytes) {
    this(maxBytes, java.util.List.of());
  }

  /** With the service's own error formats for some paths (see {@link ErrorBodyFormat}). */
  public RequestSizeLimitFilter(long maxBytes, Iterable<ErrorBodyFormat> formats) {
    this.maxBytes = maxBytes;
    this.formats = formats;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      ProblemWriter.write(formats, request, response, 413, "request-too-large", "Request too large",
          "The request body is larger than the limit of " + maxBytes + " bytes.");
      return;
    }
    chain.doFilter(new Limited(request, maxBytes), response);
  }


  /** Thrown while reading a body that grows past the limit; mapped to 413. */
  public static class TooLarge extends IOException {
    final long maxBytes;

    TooLarge(long maxBytes) {
      super("request body larger than " + maxBytes + " bytes");
      this.maxBytes = maxBytes;
    }

    public long maxBytes() {
      return maxBytes;
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long maxBytes;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > maxBytes) {
              throw new TooLarge(maxBytes);
            }
            return b;
          }

          @Override
          public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0 && (read += n) > maxBytes) {
              throw new TooLarge(maxBytes);
            }
            return n;
          }

          @Override
          public boolean isFinished() {
            return in.isFinished();
          }

          @Override
          public boolean isReady() {
            return in.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }
}
